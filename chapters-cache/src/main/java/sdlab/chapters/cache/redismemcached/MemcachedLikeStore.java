package sdlab.chapters.cache.redismemcached;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedKey;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;
import sdlab.cache.memcached.StoreResult;

/** The memcached-like node's data: the memcached store, an exact LRU per lock stripe, and nothing on disk. */
final class MemcachedLikeStore implements CacheStore {
    /** Lock stripes, each with its own LRU and an equal share of memory (memcached splits its LRU per slab class). */
    static final int STRIPES = 4;

    /** memcached's default item size limit ({@code -I 1m}). */
    private static final int ITEM_BYTES_MAX = 1024 * 1024;

    private final MemcachedStore store;

    /**
     * @param memoryBytesMax the memory for items ({@code -m}); use a large value for "no limit"
     * @param clockMillis the node's clock in milliseconds
     */
    MemcachedLikeStore(long memoryBytesMax, LongSupplier clockMillis) {
        this.store = new MemcachedStore(memoryBytesMax, ITEM_BYTES_MAX, STRIPES, clockMillis);
    }

    @Override
    public byte[] get(String key) {
        Item item = store.get(ascii(key));
        return item == null ? null : item.value();
    }

    @Override
    public boolean set(String key, byte[] value) {
        return store.store(StoreMode.SET, ascii(key), 0, 0, value, 0) == StoreResult.STORED;
    }

    @Override
    public long usedMemoryBytes() {
        return store.bytes();
    }

    private static MemcachedKey ascii(String text) {
        return MemcachedKey.of(text.getBytes(StandardCharsets.US_ASCII));
    }
}
