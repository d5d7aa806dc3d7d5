package sdlab.shard.hot;

import java.util.Map;
import java.util.TreeMap;

/**
 * Values kept for a fixed time-to-live after they were fetched: unless its owner {@link #remove removes} an entry when
 * told of a write, a write elsewhere is seen only when the entry expires, so a read may return a value up to the TTL
 * (plus the fetch's age) old. That staleness is the price of every hit. Entries are bounded by {@code entriesMax}; when full, expired entries are dropped first and
 * then nothing new is admitted until one expires (the callers cache only keys their top-k names hot, far fewer).
 */
public final class TtlCache {
    private final long ttlNanos;
    private final int entriesMax;
    private final Map<String, Entry> entries = new TreeMap<>();
    private int entriesPeak;

    private record Entry(Long value, long expiresAtNanos) {}

    /** What a lookup found: a fresh value (possibly null: the key has none) or nothing. */
    public record Hit(Long value) {}

    public TtlCache(long ttlNanos, int entriesMax) {
        if (ttlNanos <= 0 || entriesMax < 1) {
            throw new IllegalArgumentException(
                    "a cache needs a positive TTL and room for an entry, got " + ttlNanos + " ns and " + entriesMax);
        }
        this.ttlNanos = ttlNanos;
        this.entriesMax = entriesMax;
    }

    /** The fresh value of {@code key} at {@code nowNanos}, or null on a miss. */
    public Hit get(String key, long nowNanos) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowNanos >= entry.expiresAtNanos()) {
            entries.remove(key);
            return null;
        }
        return new Hit(entry.value());
    }

    /** Keeps {@code value} for {@code key}, fetched at {@code nowNanos}, for the TTL. */
    public void put(String key, Long value, long nowNanos) {
        if (entries.size() >= entriesMax && !entries.containsKey(key)) {
            entries.values().removeIf(e -> nowNanos >= e.expiresAtNanos());
            if (entries.size() >= entriesMax) {
                return;
            }
        }
        entries.put(key, new Entry(value, nowNanos + ttlNanos));
        entriesPeak = Math.max(entriesPeak, entries.size());
    }

    /** Drops {@code key}'s entry, if any: a write replaced its value. */
    public void remove(String key) {
        entries.remove(key);
    }

    /** The most entries held at once: the cache's memory, in entries. */
    public int entriesPeak() {
        return entriesPeak;
    }
}
