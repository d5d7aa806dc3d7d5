package sdlab.cache.memcached;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import sdlab.cache.store.Key;

/**
 * One stripe of the memcached store: a map in access order (its own LRU) with its own share
 * of the memory limit. Not thread-safe by itself; the store holds the segment's monitor
 * around every call.
 */
final class Segment {
    private final LinkedHashMap<Key, Item> items = new LinkedHashMap<>(16, 0.75f, true);
    private long bytesMax;
    private long bytes;

    Segment(long bytesMax) {
        this.bytesMax = bytesMax;
    }

    long bytesMax() {
        return bytesMax;
    }

    long bytes() {
        return bytes;
    }

    int size() {
        return items.size();
    }

    /** The item of {@code key} (moving it to the fresh end of the LRU), or null. */
    Item get(Key key) {
        return items.get(key);
    }

    /** Stores {@code item}, evicting least recently used items until it fits; returns evictions. */
    int put(Key key, Item item) {
        remove(key);
        long size = Item.sizeBytes(key.length(), item.value().length);
        assert size <= bytesMax : "caller checks that the item fits a segment";
        int evicted = evictDownTo(bytesMax - size);
        items.put(key, item);
        bytes += size;
        return evicted;
    }

    /** A new share of the memory limit; evicts least recently used items over it and returns how many. */
    int setBytesMax(long newBytesMax) {
        bytesMax = newBytesMax;
        return evictDownTo(bytesMax);
    }

    /** Evicts from the least recently used end until at most {@code bytesAllowed} remain. */
    private int evictDownTo(long bytesAllowed) {
        int evicted = 0;
        Iterator<Map.Entry<Key, Item>> oldest = items.entrySet().iterator();
        while (bytes > bytesAllowed && oldest.hasNext()) {
            Map.Entry<Key, Item> victim = oldest.next();
            bytes -= Item.sizeBytes(victim.getKey().length(), victim.getValue().value().length);
            oldest.remove();
            evicted++;
        }
        return evicted;
    }

    boolean remove(Key key) {
        Item removed = items.remove(key);
        if (removed == null) {
            return false;
        }
        bytes -= Item.sizeBytes(key.length(), removed.value().length);
        return true;
    }

    void clear() {
        items.clear();
        bytes = 0;
    }
}
