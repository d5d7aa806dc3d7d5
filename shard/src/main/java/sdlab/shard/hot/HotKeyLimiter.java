package sdlab.shard.hot;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Per-key rate limiting for hot keys: a token bucket of {@code ratePerSecond} and {@code burst} for each key the
 * shard's top-k currently names. Only those keys need one: space-saving keeps every key above {@code 1/k} of the
 * stream among its counters, so a key outside them is too cold to exceed any sensible limit. That bounds the buckets
 * by the top-k's size; buckets of keys that left it are dropped when more than {@link #BUCKETS_MAX} are held. Time is
 * the caller's clock, in nanoseconds.
 */
public final class HotKeyLimiter {
    static final int BUCKETS_MAX = 1024;

    private final double ratePerSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new TreeMap<>();

    public HotKeyLimiter(double ratePerSecond, double burst) {
        if (!(ratePerSecond > 0) || !(burst >= 1)) {
            throw new IllegalArgumentException("a limiter needs a positive rate and a burst of at least 1, got "
                    + ratePerSecond + " and " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /** Whether a request for {@code key} at {@code nowNanos} may go on; always yes for a key that is not hot. */
    public boolean admit(String key, Predicate<String> hot, long nowNanos) {
        if (!hot.test(key)) {
            return true;
        }
        if (buckets.size() >= BUCKETS_MAX) {
            buckets.keySet().removeIf(k -> !hot.test(k));
        }
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {burst, nowNanos});
        bucket[0] = Math.min(burst, bucket[0] + (nowNanos - bucket[1]) * ratePerSecond / 1e9);
        bucket[1] = nowNanos;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return true;
        }
        return false;
    }
}
