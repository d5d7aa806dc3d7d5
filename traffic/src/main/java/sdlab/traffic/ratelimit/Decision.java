package sdlab.traffic.ratelimit;

/**
 * A rate limiter's answer to one request for permits.
 *
 * @param allowed whether the permits were granted (and taken)
 * @param remaining permits that could still be granted at this instant, after this decision
 * @param retryAfterNanos when denied: the shortest wait after which the same request would be
 *     granted if nothing else arrived meanwhile; {@link #NEVER} if it can never be (more
 *     permits than the limiter ever holds); 0 when allowed
 * @param resetAfterNanos how long until the limiter is back to its fresh, full state if nothing
 *     else arrives
 * @param delayNanos when allowed by a queueing limiter (leaky bucket as a queue): how long the
 *     caller must hold the request before forwarding it; 0 for every other limiter
 */
public record Decision(boolean allowed, long remaining, long retryAfterNanos, long resetAfterNanos, long delayNanos) {

    /** The retry delay of a request that can never be granted. */
    public static final long NEVER = Long.MAX_VALUE;

    public Decision {
        if (remaining < 0 || retryAfterNanos < 0 || resetAfterNanos < 0 || delayNanos < 0) {
            throw new IllegalArgumentException("negative field in " + remaining + "/" + retryAfterNanos + "/"
                    + resetAfterNanos + "/" + delayNanos);
        }
        if (allowed && retryAfterNanos != 0) {
            throw new IllegalArgumentException("an allowed decision has no retry delay");
        }
    }

    static Decision allow(long remaining, long resetAfterNanos) {
        return new Decision(true, remaining, 0, resetAfterNanos, 0);
    }

    static Decision deny(long remaining, long retryAfterNanos, long resetAfterNanos) {
        return new Decision(false, remaining, retryAfterNanos, resetAfterNanos, 0);
    }
}
