package sdlab.chapters.traffic.placement;

import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;

/**
 * What a key's quota lets it be served, from the policy's arithmetic alone: the most requests
 * that any correct limiter of the chapter's algorithm could admit from the moments at which the
 * limiting tier counted the key's requests. It is the reference of chapter 2's quota claims,
 * and it calls no limiter, so a broken limiter cannot vouch for itself.
 *
 * <p>Each algorithm's bound is its documented promise, applied to the counted moments:
 *
 * <ul>
 *   <li>Token bucket, GCRA and leaky bucket: over the closed interval from the first to the
 *       last counted moment, of length {@code T}, at most {@code burst + limit × T / period}.
 *   <li>Fixed window and sliding-window counter: at most {@code limit} in each window
 *       {@code [k × period, (k+1) × period)} aligned to the clock's origin.
 *   <li>Sliding-window log: at most {@code limit} in any window of one period, wherever it
 *       starts; here the windows are laid end to end from the first counted moment.
 * </ul>
 *
 * <p>In every case a key is entitled to no more requests than it asked for, window by window.
 * The bound is exact for the fixed window and within a request or two of what a token bucket
 * admits to an abuser that keeps it empty (the tests show both). It is an upper bound for the
 * rest, never below what a correct limiter admits, so a quota claim that fails is a limiter
 * that admitted what no correct one could.
 *
 * @param algorithm the algorithm whose promise bounds the key
 * @param policy the quota: limit per period and burst
 */
record Quota(RateLimitAlgorithm algorithm, RateLimitPolicy policy) {

    /** The most requests the quota allows from the counted moments, given in ascending order. */
    long entitled(long[] countedAtNanos) {
        if (countedAtNanos.length == 0) {
            return 0;
        }
        return switch (algorithm) {
            case TOKEN_BUCKET, GCRA, LEAKY_BUCKET -> bucket(countedAtNanos);
            case FIXED_WINDOW, SLIDING_WINDOW_COUNTER -> perWindow(countedAtNanos, 0);
            case SLIDING_WINDOW_LOG -> perWindow(countedAtNanos, countedAtNanos[0]);
        };
    }

    private long bucket(long[] moments) {
        long spanNanos = moments[moments.length - 1] - moments[0];
        long refilled = Math.multiplyExact(policy.limit(), spanNanos) / policy.periodNanos();
        return Math.min(moments.length, Math.addExact(policy.burst(), refilled));
    }

    /** The sum over windows of one period, starting at {@code originNanos}, of min(requests counted, limit). */
    private long perWindow(long[] moments, long originNanos) {
        long entitled = 0;
        long window = Long.MIN_VALUE;
        long inWindow = 0;
        long previous = originNanos;
        for (long moment : moments) {
            assert moment >= previous : "counted moments come in ascending order, from the origin on";
            previous = moment;
            long index = Math.floorDiv(moment - originNanos, policy.periodNanos());
            if (index != window) {
                entitled += Math.min(inWindow, policy.limit());
                window = index;
                inWindow = 0;
            }
            inWindow++;
        }
        return entitled + Math.min(inWindow, policy.limit());
    }
}
