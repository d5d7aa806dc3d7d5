package sdlab.chapters.cache.layers;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map with a budget in units of the caller's choosing: bytes for an HTTP
 * cache, pages for a database's buffer pool. An entry larger than the whole budget is not kept.
 * Built here rather than taken from the cache engine because these caches hold responses of a
 * declared size, not byte arrays, and a buffer pool counts pages.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class SizedLru<K, V> {
    private record Sized<V>(V value, long size) {}

    private final long capacity;
    private final LinkedHashMap<K, Sized<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    /** An empty map that holds entries whose sizes add up to at most {@code capacity}. */
    SizedLru(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a capacity is not negative, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The value of {@code key}, now the most recently used; null if absent. */
    V get(K key) {
        Sized<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Keeps {@code value} under {@code key}, evicting the least recently used entries to make room. */
    void put(K key, V value, long size) {
        assert size >= 0 : "sizes are not negative";
        remove(key);
        if (size > capacity) {
            return;
        }
        entries.put(key, new Sized<>(value, size));
        used += size;
        Iterator<Map.Entry<K, Sized<V>>> eldest = entries.entrySet().iterator();
        while (used > capacity) {
            used -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    void remove(K key) {
        Sized<V> removed = entries.remove(key);
        if (removed != null) {
            used -= removed.size();
        }
    }

    /** The sizes of the entries held, added up. */
    long used() {
        return used;
    }

    int size() {
        return entries.size();
    }
}
