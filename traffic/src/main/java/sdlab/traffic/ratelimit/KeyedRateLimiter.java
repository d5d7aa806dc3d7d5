package sdlab.traffic.ratelimit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One limiter per key (client address, API key, route, header value), created on first use,
 * with a bounded number of keys. Single-threaded like every limiter here; the gateway puts it
 * behind locks.
 *
 * <p>Keys are kept in least-recently-used order. A key whose limiter is at rest (see
 * {@link RateLimiter#isAtRest}) is forgotten as soon as the eviction sweep meets it: that
 * changes no decision, since a fresh limiter would decide the same. When {@code keysMax} keys
 * are all busy and a new one arrives, the least recently used busy key is forgotten anyway (a
 * forced eviction, counted): the forgotten key starts again with a full allowance, so a
 * client able to cycle through more than {@code keysMax} keys can exceed its limit. Size
 * {@code keysMax} for the number of clients that can be active at once.
 *
 * @param <K> the key type; it needs equals and hashCode
 */
public final class KeyedRateLimiter<K> {
    /** How many least-recently-used keys each call inspects for eviction: bounded work per call. */
    private static final int SWEEP_PER_CALL = 2;

    private final Supplier<RateLimiter> factory;
    private final int keysMax;
    private final LinkedHashMap<K, RateLimiter> limiters;
    private long evictionsForced;
    private long evictionsAtRest;

    /** A keyed limiter of {@code algorithm} enforcing {@code policy} per key. */
    public KeyedRateLimiter(RateLimitAlgorithm algorithm, RateLimitPolicy policy, int keysMax) {
        this(() -> algorithm.create(policy), keysMax);
    }

    /** A keyed limiter that makes each key's limiter with {@code factory}. */
    public KeyedRateLimiter(Supplier<RateLimiter> factory, int keysMax) {
        if (keysMax < 1) {
            throw new IllegalArgumentException("keysMax must be positive, got " + keysMax);
        }
        this.factory = factory;
        this.keysMax = keysMax;
        this.limiters = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Asks {@code key}'s limiter for {@code permits} at {@code nowNanos}. */
    public Decision tryAcquire(K key, long nowNanos, int permits) {
        sweep(nowNanos);
        RateLimiter limiter = limiters.get(key);
        if (limiter == null) {
            limiter = factory.get();
            if (limiters.size() >= keysMax) {
                evictEldest(nowNanos);
            }
            limiters.put(key, limiter);
        }
        return limiter.tryAcquire(nowNanos, permits);
    }

    /** The number of keys remembered now. */
    public int size() {
        return limiters.size();
    }

    /** Keys forgotten while busy because the table was full (each may have over-admitted). */
    public long evictionsForced() {
        return evictionsForced;
    }

    /** Keys forgotten because they were at rest (harmless). */
    public long evictionsAtRest() {
        return evictionsAtRest;
    }

    private void sweep(long nowNanos) {
        Iterator<Map.Entry<K, RateLimiter>> eldest = limiters.entrySet().iterator();
        for (int i = 0; i < SWEEP_PER_CALL && eldest.hasNext(); i++) {
            if (eldest.next().getValue().isAtRest(nowNanos)) {
                eldest.remove();
                evictionsAtRest++;
            }
        }
    }

    private void evictEldest(long nowNanos) {
        Iterator<Map.Entry<K, RateLimiter>> eldest = limiters.entrySet().iterator();
        boolean atRest = eldest.next().getValue().isAtRest(nowNanos);
        eldest.remove();
        if (atRest) {
            evictionsAtRest++;
        } else {
            evictionsForced++;
        }
    }
}
