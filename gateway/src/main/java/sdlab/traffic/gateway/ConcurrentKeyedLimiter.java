package sdlab.traffic.gateway;

import java.util.concurrent.locks.ReentrantLock;
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
    private final ReentrantLock[] locks;
    private final KeyedRateLimiter<K>[] stripes;

    /** A limiter with {@code keysMax} keys in all, over {@code stripeCount} stripes (a power of two). */
    @SuppressWarnings("unchecked")
    public ConcurrentKeyedLimiter(RateLimitAlgorithm algorithm, RateLimitPolicy policy, int keysMax, int stripeCount) {
        if (Integer.bitCount(stripeCount) != 1) {
            throw new IllegalArgumentException("stripeCount must be a power of two, got " + stripeCount);
        }
        locks = new ReentrantLock[stripeCount];
        stripes = new KeyedRateLimiter[stripeCount];
        int keysPerStripe = Math.max(1, keysMax / stripeCount);
        for (int i = 0; i < stripeCount; i++) {
            locks[i] = new ReentrantLock();
            stripes[i] = new KeyedRateLimiter<>(algorithm, policy, keysPerStripe);
        }
    }

    /** Asks {@code key}'s limiter for {@code permits} at {@code nowNanos}. */
    public Decision tryAcquire(K key, long nowNanos, int permits) {
        int stripe = (int) Hashing.mix(key.hashCode()) & (stripes.length - 1);
        ReentrantLock lock = locks[stripe];
        lock.lock();
        try {
            return stripes[stripe].tryAcquire(key, nowNanos, permits);
        } finally {
            lock.unlock();
        }
    }

    /** Busy keys forgotten because a stripe was full (see {@link KeyedRateLimiter#evictionsForced}). */
    public long evictionsForced() {
        long total = 0;
        for (int i = 0; i < stripes.length; i++) {
            locks[i].lock();
            try {
                total += stripes[i].evictionsForced();
            } finally {
                locks[i].unlock();
            }
        }
        return total;
    }
}
