package sdlab.chapters.traffic;

import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.RateLimiter;

/** A planted bug: a limiter that allows every request, whatever its policy says. */
public record NeverDeny(RateLimitPolicy policy) implements RateLimiter {
    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        return new Decision(true, policy.burst(), 0, 0, 0);
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        return true;
    }
}
