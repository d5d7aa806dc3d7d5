package sdlab.traffic.ratelimit;

/**
 * A rate-limiting algorithm (the Strategy every limiter implements). Pure and
 * single-threaded: time comes in as an argument, so the same object runs in the simulator,
 * in a node and, behind a lock, in the real gateway.
 *
 * <p>Time is in nanoseconds from an origin the caller chooses (the start of a run, the
 * gateway's start) and must be non-negative. Time that runs backwards, as it can when several
 * threads read a clock and then queue for one limiter, is treated as the latest time seen.
 */
public interface RateLimiter {

    /**
     * Asks for {@code permits} at {@code nowNanos}; takes them if the algorithm allows.
     * {@code permits == 0} is a probe: always allowed, it changes nothing and reports the
     * limiter's state.
     */
    Decision tryAcquire(long nowNanos, int permits);

    /** Asks for one permit. */
    default Decision tryAcquire(long nowNanos) {
        return tryAcquire(nowNanos, 1);
    }

    /** The policy this limiter enforces. */
    RateLimitPolicy policy();

    /**
     * True when the limiter is indistinguishable from a fresh one from {@code nowNanos} on, so
     * that a keyed limiter may forget it without changing any future decision.
     */
    boolean isAtRest(long nowNanos);
}
