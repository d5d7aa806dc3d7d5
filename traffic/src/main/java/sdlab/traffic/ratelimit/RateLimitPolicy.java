package sdlab.traffic.ratelimit;

import java.time.Duration;

/**
 * What a rate limiter allows: {@code limit} permits per {@code periodNanos} on average, with
 * at most {@code burst} permits at one instant.
 *
 * <p>The bucket algorithms (token bucket, leaky bucket, GCRA) use all three: the rate is
 * {@code limit / periodNanos} and {@code burst} is the bucket's capacity. The window
 * algorithms (fixed window, sliding-window log and counter) count {@code limit} permits per
 * window of {@code periodNanos} and ignore {@code burst}: their bursts follow from the window
 * shape, as each algorithm's javadoc says.
 *
 * <p>All limiters compute with exact integers in units of "permit × nanosecond": a policy is
 * rejected when {@code limit × periodNanos} or {@code burst × periodNanos} does not fit in
 * 62 bits (for example a period of one hour allows a limit of about a million).
 *
 * @param limit permits per period, at least 1
 * @param periodNanos the period (or window) length in nanoseconds, at least 1
 * @param burst the most permits admitted at one instant by the bucket algorithms, at least 1
 */
public record RateLimitPolicy(long limit, long periodNanos, long burst) {

    private static final long SCALED_MAX = 1L << 62;

    public RateLimitPolicy {
        if (limit < 1 || periodNanos < 1 || burst < 1) {
            throw new IllegalArgumentException("limit, period and burst must be positive: limit=" + limit
                    + " periodNanos=" + periodNanos + " burst=" + burst);
        }
        if (!fitsScaled(limit, periodNanos) || !fitsScaled(burst, periodNanos)) {
            throw new IllegalArgumentException("limit or burst times the period in nanoseconds exceeds 2^62: limit="
                    + limit + " burst=" + burst + " periodNanos=" + periodNanos);
        }
    }

    /** {@code limit} permits per {@code period}, with a burst of {@code limit}. */
    public static RateLimitPolicy of(long limit, Duration period) {
        return new RateLimitPolicy(limit, period.toNanos(), limit);
    }

    /** The same rate with another burst. */
    public RateLimitPolicy withBurst(long burstNew) {
        return new RateLimitPolicy(limit, periodNanos, burstNew);
    }

    private static boolean fitsScaled(long permits, long nanos) {
        return Math.multiplyHigh(permits, nanos) == 0 && permits * nanos <= SCALED_MAX;
    }
}
