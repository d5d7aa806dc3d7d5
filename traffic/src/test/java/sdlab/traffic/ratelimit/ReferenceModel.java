package sdlab.traffic.ratelimit;

import java.util.ArrayList;
import java.util.List;

/**
 * Brute-force models of the algorithms, written from their definitions over the whole history
 * of admitted requests rather than from incremental state. They decide only "does a request of
 * n permits fit at time t"; every other field of a decision (remaining, retry delay, reset
 * time) is derived from that by search in {@link ReferenceLimiter}, so the implementations'
 * closed formulas are checked against plain definitions.
 */
abstract class ReferenceModel {
    final RateLimitPolicy policy;
    final List<long[]> admitted = new ArrayList<>(); // {timeNanos, permits}

    ReferenceModel(RateLimitPolicy policy) {
        this.policy = policy;
    }

    /** Whether {@code permits} more at {@code t} would respect the definition. */
    abstract boolean fits(long t, long permits);

    /** The most permits the limiter can ever hold at once. */
    abstract long capacity();

    void admit(long t, long permits) {
        if (permits > 0) {
            admitted.add(new long[] {t, permits});
        }
    }

    static ReferenceModel of(RateLimitAlgorithm algorithm, RateLimitPolicy policy) {
        return switch (algorithm) {
            case TOKEN_BUCKET, GCRA, LEAKY_BUCKET -> new Envelope(policy);
            case FIXED_WINDOW -> new Windows(policy);
            case SLIDING_WINDOW_LOG -> new Log(policy);
            case SLIDING_WINDOW_COUNTER -> new WeightedWindows(policy);
        };
    }

    /**
     * Token bucket from its envelope characterisation: admitting n at t is allowed iff for every
     * earlier admission time s, the permits admitted in [s, t] including these n are at most
     * burst + rate × (t − s). (A full bucket at the start imposes no other constraint.)
     */
    static final class Envelope extends ReferenceModel {
        Envelope(RateLimitPolicy policy) {
            super(policy);
        }

        @Override
        boolean fits(long t, long permits) {
            if (permits > policy.burst()) {
                return false;
            }
            long sinceS = permits;
            for (int i = admitted.size() - 1; i >= 0; i--) {
                long s = admitted.get(i)[0];
                sinceS += admitted.get(i)[1];
                if (sinceS * policy.periodNanos() > policy.burst() * policy.periodNanos() + (t - s) * policy.limit()) {
                    return false;
                }
            }
            return true;
        }

        /** The leaky bucket's queue wait: the backlog max over s of (A[s, t) − rate × (t − s)), drained. */
        long backlogDelayNanos(long t) {
            long backlogScaled = 0;
            long sinceS = 0;
            for (int i = admitted.size() - 1; i >= 0; i--) {
                sinceS += admitted.get(i)[1];
                long s = admitted.get(i)[0];
                backlogScaled = Math.max(backlogScaled, sinceS * policy.periodNanos() - (t - s) * policy.limit());
            }
            return Math.ceilDiv(backlogScaled, policy.limit());
        }

        @Override
        long capacity() {
            return policy.burst();
        }
    }

    /** Fixed window: the permits admitted in t's aligned window plus n are at most the limit. */
    static final class Windows extends ReferenceModel {
        Windows(RateLimitPolicy policy) {
            super(policy);
        }

        @Override
        boolean fits(long t, long permits) {
            long window = t / policy.periodNanos();
            long used = 0;
            for (long[] a : admitted) {
                if (a[0] / policy.periodNanos() == window) {
                    used += a[1];
                }
            }
            return used + permits <= policy.limit();
        }

        @Override
        long capacity() {
            return policy.limit();
        }
    }

    /** Sliding log: the permits admitted in (t − period, t] plus n are at most the limit. */
    static final class Log extends ReferenceModel {
        Log(RateLimitPolicy policy) {
            super(policy);
        }

        @Override
        boolean fits(long t, long permits) {
            long used = 0;
            for (long[] a : admitted) {
                if (a[0] > t - policy.periodNanos()) {
                    used += a[1];
                }
            }
            return used + permits <= policy.limit();
        }

        @Override
        long capacity() {
            return policy.limit();
        }
    }

    /**
     * Sliding counter: counts of the previous and current aligned windows, the previous weighted
     * by the fraction of it still inside the sliding window, plus n, at most the limit (all
     * multiplied by the period to stay in integers).
     */
    static final class WeightedWindows extends ReferenceModel {
        WeightedWindows(RateLimitPolicy policy) {
            super(policy);
        }

        @Override
        boolean fits(long t, long permits) {
            long p = policy.periodNanos();
            long window = t / p;
            long previous = 0;
            long current = 0;
            for (long[] a : admitted) {
                if (a[0] / p == window) {
                    current += a[1];
                } else if (a[0] / p == window - 1) {
                    previous += a[1];
                }
            }
            long offset = t - window * p;
            return previous * (p - offset) + (current + permits) * p <= policy.limit() * p;
        }

        @Override
        long capacity() {
            return policy.limit();
        }
    }
}
