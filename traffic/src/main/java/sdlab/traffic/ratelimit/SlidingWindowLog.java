package sdlab.traffic.ratelimit;

/**
 * Sliding-window log: remembers the time of every admitted permit and admits a request when the
 * permits admitted in the window {@code (now − periodNanos, now]} plus the request's stay within
 * {@code limit}. Exact, at the price of memory: up to {@code limit} entries per limiter.
 *
 * <p><b>Burst:</b> {@code limit} permits at one instant, then nothing until they age out of
 * the window. <b>Promise:</b> at most {@code limit} permits in every window of length
 * {@code periodNanos}, wherever it starts; hence at most
 * {@code limit × (⌊T / periodNanos⌋ + 1)} over any closed interval of length {@code T}.
 * <b>Fairness:</b> first come, first served, with no boundary stampede: capacity comes back
 * exactly one period after it was used.
 */
public final class SlidingWindowLog implements RateLimiter {
    private final RateLimitPolicy policy;
    private final TimeGuard clock = new TimeGuard();
    private final PermitLog log;
    private long used;

    SlidingWindowLog(RateLimitPolicy policy) {
        this.policy = policy;
        // Each entry holds at least one permit and at most limit permits are in the window.
        this.log = new PermitLog(Math.toIntExact(Math.min(policy.limit(), Integer.MAX_VALUE - 8)));
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        expire(now);
        if (permits > policy.limit()) {
            return Decision.deny(policy.limit() - used, Decision.NEVER, resetAfterNanos(now));
        }
        if (used + permits <= policy.limit()) {
            if (permits > 0) {
                log.add(now, permits);
                used += permits;
            }
            return Decision.allow(policy.limit() - used, resetAfterNanos(now));
        }
        return Decision.deny(policy.limit() - used, retryAfterNanos(now, permits), resetAfterNanos(now));
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        return log.isEmpty() || log.newestTimeNanos() <= clock.peek(nowNanos) - policy.periodNanos();
    }

    private void expire(long now) {
        while (!log.isEmpty() && log.oldestTimeNanos() <= now - policy.periodNanos()) {
            used -= log.removeOldest();
        }
    }

    /** Walks the log from the oldest entry until enough permits would have aged out. */
    private long retryAfterNanos(long now, int permits) {
        long excess = used + permits - policy.limit();
        for (int i = 0; i < log.size(); i++) {
            excess -= log.permitsAt(i);
            if (excess <= 0) {
                return log.timeNanosAt(i) + policy.periodNanos() - now;
            }
        }
        throw new AssertionError("the log holds every used permit, so enough of them age out");
    }

    private long resetAfterNanos(long now) {
        return log.isEmpty() ? 0 : log.newestTimeNanos() + policy.periodNanos() - now;
    }
}
