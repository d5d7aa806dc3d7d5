package sdlab.traffic.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import sdlab.core.StableHash;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.KeyedRateLimiter;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;

/**
 * A thread-safe {@link KeyedRateLimiter}: keys are spread over lock stripes, each a keyed limiter
 * of its own behind a lock, so event loops asking for different clients rarely wait for each
 * other. Each key lives in exactly one stripe, so every key's limiter sees its requests one at
 * a time, in lock order, and keeps its promise; a caller whose clock reading lost the race for
 * the lock is treated as arriving at the latest time that limiter saw.
 *
 * @param <K> the key type
 */
public final class ConcurrentKeyedLimiter<K> {
    /** One lock and the keyed limiter it guards. */
    private record Stripe<K>(ReentrantLock lock, KeyedRateLimiter<K> limiter) {}

    private final List<Stripe<K>> stripes;

    /** A limiter with {@code keysMax} keys in all, over {@code stripeCount} stripes (a power of two). */
    public ConcurrentKeyedLimiter(RateLimitAlgorithm algorithm, RateLimitPolicy policy, int keysMax, int stripeCount) {
        if (Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripeCount must be a power of two, got " + stripeCount);
        }
        int keysPerStripe = Math.max(1, keysMax / stripeCount);
        List<Stripe<K>> all = new ArrayList<>(stripeCount);
        for (int i = 0; i < stripeCount; i++) {
            all.add(new Stripe<>(new ReentrantLock(), new KeyedRateLimiter<>(algorithm, policy, keysPerStripe)));
        }
        stripes = List.copyOf(all);
    }

    /** Asks {@code key}'s limiter for {@code permits} at {@code nowNanos}. */
    public Decision tryAcquire(K key, long nowNanos, int permits) {
        Stripe<K> stripe = stripes.get((int) StableHash.mix(key.hashCode()) & (stripes.size() - 1));
        stripe.lock().lock();
        try {
            return stripe.limiter().tryAcquire(key, nowNanos, permits);
        } finally {
            stripe.lock().unlock();
        }
    }

    /** Busy keys forgotten because a stripe was full (see {@link KeyedRateLimiter#evictionsForced}). */
    public long evictionsForced() {
        long total = 0;
        for (Stripe<K> stripe : stripes) {
            stripe.lock().lock();
            try {
                total += stripe.limiter().evictionsForced();
            } finally {
                stripe.lock().unlock();
            }
        }
        return total;
    }
}
