package sdlab.traffic.httpcache;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A least-recently-used map bounded by the sum of its entries' sizes in bytes. Putting an entry
 * evicts the least recently used ones until the rest fits; an entry larger than the whole capacity
 * is not kept. Reading with {@link #peek} leaves the order alone, so a cache can look at several
 * candidates and {@link #touch} only the one it serves.
 *
 * @param <K> the key
 * @param <V> the value
 */
final class SizeBoundedLru<K, V> {
    private record Sized<V>(V value, long sizeBytes) {}

    /**
     * What a put did.
     *
     * @param stored whether the entry is now held
     * @param evicted the keys removed to make room (or the key itself, when its new value did not fit)
     */
    record Put<K>(boolean stored, List<K> evicted) {}

    private final long capacityBytes;

    /** Insertion order is recency: the eldest entry is the least recently used. */
    private final LinkedHashMap<K, Sized<V>> entries = new LinkedHashMap<>();

    private long usedBytes;

    SizeBoundedLru(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("a capacity is not negative, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** The value under {@code key}, or null; the recency order is unchanged. */
    V peek(K key) {
        Sized<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Makes {@code key}'s entry, if any, the most recently used. */
    void touch(K key) {
        Sized<V> entry = entries.remove(key);
        if (entry != null) {
            entries.put(key, entry);
        }
    }

    /** Keeps {@code value} under {@code key} as the most recently used, evicting others to make room. */
    Put<K> put(K key, V value, long sizeBytes) {
        assert sizeBytes >= 0 : "sizes are not negative";
        List<K> evicted = new ArrayList<>();
        Sized<V> previous = entries.remove(key);
        if (previous != null) {
            usedBytes -= previous.sizeBytes();
        }
        if (sizeBytes > capacityBytes) {
            if (previous != null) {
                evicted.add(key);
            }
            return new Put<>(false, evicted);
        }
        entries.put(key, new Sized<>(value, sizeBytes));
        usedBytes += sizeBytes;
        Iterator<Map.Entry<K, Sized<V>>> eldest = entries.entrySet().iterator();
        while (usedBytes > capacityBytes) {
            Map.Entry<K, Sized<V>> victim = eldest.next();
            usedBytes -= victim.getValue().sizeBytes();
            evicted.add(victim.getKey());
            eldest.remove();
        }
        return new Put<>(true, evicted);
    }

    /** The sizes of the entries held, added up. */
    long usedBytes() {
        return usedBytes;
    }

    int size() {
        return entries.size();
    }
}
