package sdlab.chapters.cache.redismemcached;

/**
 * The data a cache node serves, behind the two operations chapter 11 needs. A Redis-like node
 * keeps it in the cache engine's keyspace ({@link RedisStore}); a memcached-like node in the
 * memcached store with its striped LRU ({@link MemcachedLikeStore}).
 */
sealed interface CacheStore permits RedisStore, MemcachedLikeStore {

    /** The value of {@code key}, or null on a miss; counts a hit or a miss. */
    byte[] get(String key);

    /** Stores {@code value} under {@code key}, evicting if memory is full; false if the store refused it. */
    boolean set(String key, byte[] value);

    /** The memory the store accounts for its data, in its own accounting. */
    long usedMemoryBytes();
}
