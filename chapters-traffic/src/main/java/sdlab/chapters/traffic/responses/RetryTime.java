package sdlab.chapters.traffic.responses;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a retry time from a header value the way RFC 9110 defines {@code Retry-After}: either
 * delta-seconds (a non-negative integer) or an HTTP-date, which is turned into a wait from the
 * reader's own wall clock. A date already past means "retry now".
 *
 * <p>Content-Type, Last-Modified and ETag are read with the same rules, which is how the
 * chapter asks whether they too could tell a client when to retry: a value that is neither form
 * gives no time.
 */
final class RetryTime {
    /** The wall-clock time at virtual time zero: 2026-01-01T00:00:00Z, fixed so that runs replay. */
    static final long EPOCH_MILLIS_AT_START = 1_767_225_600_000L;

    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]{1,9}");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private RetryTime() {}

    /** The wait in nanoseconds that {@code value} asks for, read at wall-clock {@code epochMillisNow}. */
    static Optional<Long> waitNanos(String value, long epochMillisNow) {
        String text = value.strip();
        if (DELTA_SECONDS.matcher(text).matches()) {
            return Optional.of(Long.parseLong(text) * NANOS_PER_SECOND);
        }
        try {
            long dateMillis = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
            return Optional.of(Math.max(0, dateMillis - epochMillisNow) * NANOS_PER_MILLI);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The wall clock, in epoch milliseconds, of a reader whose clock is {@code skewMillis} off, at virtual time {@code nanos}. */
    static long epochMillis(long virtualNanos, long skewMillis) {
        return EPOCH_MILLIS_AT_START + virtualNanos / NANOS_PER_MILLI + skewMillis;
    }
}
