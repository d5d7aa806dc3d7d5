package sdlab.chapters.cache.redismemcached;

import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.LruMode;

/** Which store a node keeps its data in, and so which eviction policy decides what stays in memory. */
enum StoreKind {
    /** memcached: an exact LRU per lock stripe. */
    MEMCACHED_LRU("memcached LRU (exact, per stripe)"),
    /** The Redis engine with {@code allkeys-lru} and sampled eviction (5 samples), Redis's own approximation. */
    REDIS_SAMPLED_LRU("allkeys-lru, sampled (5 keys)"),
    /** The Redis engine with {@code allkeys-lru} evicting the exact least recently used key (sdlab's addition). */
    REDIS_EXACT_LRU("allkeys-lru, exact"),
    /** The Redis engine with {@code allkeys-lfu}: a logarithmic access counter that decays with idle time. */
    REDIS_LFU("allkeys-lfu");

    /** Stands for "no limit" where a store needs a number: far above any chapter's data set. */
    private static final long UNLIMITED_BYTES = 1L << 40;

    private final String label;

    StoreKind(String label) {
        this.label = label;
    }

    /** How the policy reads in reports. */
    String label() {
        return label;
    }

    boolean isRedis() {
        return this != MEMCACHED_LRU;
    }

    /** A new, empty store with a memory limit of {@code maxmemoryBytes} (0: none). */
    CacheStore create(long maxmemoryBytes, LongSupplier clockMillis, RandomGenerator random) {
        return switch (this) {
            case MEMCACHED_LRU ->
                new MemcachedLikeStore(maxmemoryBytes == 0 ? UNLIMITED_BYTES : maxmemoryBytes, clockMillis);
            case REDIS_SAMPLED_LRU -> redis(LruMode.SAMPLED, "allkeys-lru", maxmemoryBytes, clockMillis, random);
            case REDIS_EXACT_LRU -> redis(LruMode.EXACT, "allkeys-lru", maxmemoryBytes, clockMillis, random);
            case REDIS_LFU -> redis(LruMode.SAMPLED, "allkeys-lfu", maxmemoryBytes, clockMillis, random);
        };
    }

    private static RedisStore redis(
            LruMode mode, String policy, long maxmemoryBytes, LongSupplier clockMillis, RandomGenerator random) {
        EvictionSettings eviction =
                EvictionSettings.defaults().withPolicy(policy).withLruMode(mode);
        return new RedisStore(eviction, maxmemoryBytes, clockMillis, random);
    }
}
