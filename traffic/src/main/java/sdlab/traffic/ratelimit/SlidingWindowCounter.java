package sdlab.traffic.ratelimit;

/**
 * Sliding-window counter (the approximation Cloudflare described in 2017): two fixed-window
 * counts, the previous window's and the current one's, and an estimate of the sliding window
 * that weights the previous count by the share of it still inside {@code (now − periodNanos,
 * now]}, as if its requests had been spread evenly. A request is admitted when
 * {@code previous × (period − offset) / period + current + permits <= limit}. Two counters per
 * key instead of a log, computed here in exact integers.
 *
 * <p><b>Burst:</b> {@code limit} permits at one instant. Across a boundary it is safe where
 * fixed window is not: right after the boundary the previous window still weighs almost fully.
 * <b>Promise:</b> at most {@code limit × (1 + T / periodNanos)} permits over any closed
 * interval of length {@code T <= periodNanos} (so fewer than {@code 2 × limit} in any window of
 * one period, the worst case being a previous window whose requests all came at its end), at
 * most {@code limit} per aligned window, hence {@code limit × (⌊T / periodNanos⌋ + 2)} for longer
 * intervals. <b>Fairness:</b> first come, first served; the estimate is pessimistic for traffic
 * that came early in the previous window and optimistic for traffic that came late.
 */
public final class SlidingWindowCounter implements RateLimiter {
    private final RateLimitPolicy policy;
    private final long limitScaled;
    private final TimeGuard clock = new TimeGuard();
    private long windowIndex;
    private long previousCount;
    private long currentCount;

    SlidingWindowCounter(RateLimitPolicy policy) {
        this.policy = policy;
        this.limitScaled = policy.limit() * policy.periodNanos();
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        roll(now / policy.periodNanos());
        long offsetNanos = now - windowIndex * policy.periodNanos();
        long usedScaled = usedScaled(offsetNanos);
        if (permits > policy.limit()) {
            return Decision.deny(remaining(usedScaled), Decision.NEVER, resetAfterNanos(offsetNanos, usedScaled));
        }
        if (usedScaled + permits * policy.periodNanos() <= limitScaled) {
            currentCount += permits;
            long usedAfter = usedScaled(offsetNanos);
            return Decision.allow(remaining(usedAfter), resetAfterNanos(offsetNanos, usedAfter));
        }
        return Decision.deny(
                remaining(usedScaled), retryAfterNanos(offsetNanos, permits), resetAfterNanos(offsetNanos, usedScaled));
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        long index = clock.peek(nowNanos) / policy.periodNanos();
        return (index == windowIndex && previousCount == 0 && currentCount == 0)
                || (index == windowIndex + 1 && currentCount == 0)
                || index > windowIndex + 1;
    }

    private void roll(long index) {
        if (index == windowIndex + 1) {
            previousCount = currentCount;
            currentCount = 0;
        } else if (index > windowIndex + 1) {
            previousCount = 0;
            currentCount = 0;
        }
        windowIndex = index;
    }

    /** The estimated permits in the sliding window, in units of 1/period permit. */
    private long usedScaled(long offsetNanos) {
        return previousCount * (policy.periodNanos() - offsetNanos) + currentCount * policy.periodNanos();
    }

    private long remaining(long usedScaled) {
        return Math.max(0, (limitScaled - usedScaled) / policy.periodNanos());
    }

    /**
     * The shortest wait for {@code permits} to fit: later in this window as the previous count's
     * weight shrinks, or else in the next window, where this window's count becomes the previous.
     */
    private long retryAfterNanos(long offsetNanos, int permits) {
        long periodNanos = policy.periodNanos();
        long excessScaled = usedScaled(offsetNanos) + permits * periodNanos - limitScaled;
        if (previousCount > 0) {
            long waitNanos = Math.ceilDiv(excessScaled, previousCount);
            if (offsetNanos + waitNanos < periodNanos) {
                return waitNanos;
            }
        }
        long toNextWindowNanos = periodNanos - offsetNanos;
        if (currentCount == 0) {
            return toNextWindowNanos;
        }
        long excessNextScaled = (currentCount + permits) * periodNanos - limitScaled;
        return toNextWindowNanos + Math.max(0, Math.ceilDiv(excessNextScaled, currentCount));
    }

    private long resetAfterNanos(long offsetNanos, long usedScaled) {
        if (usedScaled == 0) {
            return 0;
        }
        long toNextWindowNanos = policy.periodNanos() - offsetNanos;
        return currentCount == 0 ? toNextWindowNanos : toNextWindowNanos + policy.periodNanos();
    }
}
