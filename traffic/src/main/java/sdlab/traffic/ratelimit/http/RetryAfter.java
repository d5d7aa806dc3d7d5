package sdlab.traffic.ratelimit.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code Retry-After} values from a limiter's wait in nanoseconds. Pure: the current wall-clock
 * time, needed by the HTTP-date form only, is passed in.
 */
public final class RetryAfter {
    /**
     * The longest wait ever advertised, one day: a request that can never be granted (more
     * permits than the limit) is told to come back much later rather than given no advice.
     */
    public static final long DELTA_SECONDS_MAX = 86_400;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MILLIS_PER_SECOND = 1_000L;

    /** IMF-fixdate (RFC 9110, section 5.6.7): two-digit day, always GMT, English names. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private RetryAfter() {}

    /**
     * Whole seconds to wait, rounded up so that a client that honours it never retries early;
     * capped at {@link #DELTA_SECONDS_MAX}.
     */
    public static long deltaSeconds(long retryAfterNanos) {
        if (retryAfterNanos < 0) {
            throw new IllegalArgumentException("negative wait " + retryAfterNanos);
        }
        return Math.min(Math.ceilDiv(retryAfterNanos, NANOS_PER_SECOND), DELTA_SECONDS_MAX);
    }

    /**
     * The header value in the chosen form. For {@link RetryAfterFormat#HTTP_DATE} the moment is
     * {@code epochMillisNow} plus the wait, rounded up to the next whole second (an HTTP-date
     * has no fractions and must not name a moment before the wait ends).
     */
    public static String value(RetryAfterFormat format, long retryAfterNanos, long epochMillisNow) {
        long seconds = deltaSeconds(retryAfterNanos);
        return switch (format) {
            case DELTA_SECONDS -> Long.toString(seconds);
            case HTTP_DATE -> {
                long epochSeconds = Math.ceilDiv(epochMillisNow, MILLIS_PER_SECOND) + seconds;
                yield httpDate(epochSeconds);
            }
        };
    }

    /** {@code epochSeconds} as an IMF-fixdate, for example {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String httpDate(long epochSeconds) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSeconds));
    }
}
