package sdlab.traffic.ratelimit;

/**
 * Fixed window counter: time is cut into windows {@code [k × periodNanos, (k+1) × periodNanos)}
 * from the clock's origin, and each window admits {@code limit} permits; the count starts again
 * at zero in the next window. Cheapest of all (one counter and one window index).
 *
 * <p><b>Burst:</b> {@code limit} permits at one instant, and twice that across a window
 * boundary: {@code limit} permits at the last nanosecond of one window and {@code limit} more at
 * the first nanosecond of the next, {@code 2 × limit} within two nanoseconds (the tests show
 * it). <b>Promise:</b> at most {@code limit} per aligned window, hence at most
 * {@code limit × (⌊T / periodNanos⌋ + 2)} over any closed interval of length {@code T}; nothing
 * better. <b>Fairness:</b> whoever arrives early in a window can take it all; clients that
 * retry at the window start stampede together.
 */
public final class FixedWindow implements RateLimiter {
    private final RateLimitPolicy policy;
    private final TimeGuard clock = new TimeGuard();
    private long windowIndex;
    private long count;

    FixedWindow(RateLimitPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        long index = now / policy.periodNanos();
        if (index != windowIndex) {
            windowIndex = index;
            count = 0;
        }
        long windowLeftNanos = (index + 1) * policy.periodNanos() - now;
        if (permits > policy.limit()) {
            return Decision.deny(policy.limit() - count, Decision.NEVER, count == 0 ? 0 : windowLeftNanos);
        }
        if (count + permits <= policy.limit()) {
            count += permits;
            return Decision.allow(policy.limit() - count, count == 0 ? 0 : windowLeftNanos);
        }
        return Decision.deny(policy.limit() - count, windowLeftNanos, windowLeftNanos);
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        return count == 0 || clock.peek(nowNanos) / policy.periodNanos() != windowIndex;
    }
}
