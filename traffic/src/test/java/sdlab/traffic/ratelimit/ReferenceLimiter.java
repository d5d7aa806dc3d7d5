package sdlab.traffic.ratelimit;

/**
 * Turns a {@link ReferenceModel} into full decisions by search: remaining = the largest n that
 * fits now; retry delay = the smallest wait after which the request fits (binary search, as
 * fitting is monotone in the wait when nothing else arrives); reset = the smallest wait after
 * which the whole capacity fits.
 */
final class ReferenceLimiter {
    private final RateLimitAlgorithm algorithm;
    private final ReferenceModel model;
    private long latestNanos;

    ReferenceLimiter(RateLimitAlgorithm algorithm, RateLimitPolicy policy) {
        this.algorithm = algorithm;
        this.model = ReferenceModel.of(algorithm, policy);
    }

    Decision tryAcquire(long nowNanos, int permits) {
        long t = Math.max(latestNanos, nowNanos);
        latestNanos = t;
        if (model.fits(t, permits)) {
            long delayNanos = algorithm == RateLimitAlgorithm.LEAKY_BUCKET
                    ? ((ReferenceModel.Envelope) model).backlogDelayNanos(t)
                    : 0;
            model.admit(t, permits);
            return new Decision(true, remaining(t), 0, smallestWait(t, model.capacity()), delayNanos);
        }
        long retryAfterNanos = permits > model.capacity() ? Decision.NEVER : smallestWait(t, permits);
        return new Decision(false, remaining(t), retryAfterNanos, smallestWait(t, model.capacity()), 0);
    }

    private long remaining(long t) {
        long n = 0;
        while (n < model.capacity() && model.fits(t, n + 1)) {
            n++;
        }
        return n;
    }

    private long smallestWait(long t, long permits) {
        if (model.fits(t, permits)) {
            return 0;
        }
        long high = 1;
        while (!model.fits(t + high, permits)) {
            high *= 2;
        }
        long low = high / 2; // does not fit at low (or low == 0, checked above)
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (model.fits(t + mid, permits)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }
}
