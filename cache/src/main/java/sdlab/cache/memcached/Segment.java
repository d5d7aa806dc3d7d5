package sdlab.cache.memcached;

/**
 * One stripe of the memcached store: a hash table of its keys, each entry also linked into the
 * stripe's LRU list, with its own share of the memory limit. Not thread-safe by itself; the
 * store holds the segment's monitor around every call.
 *
 * <p>The table is its own rather than a {@code LinkedHashMap} so that a lookup takes a reusable
 * {@link MemcachedKey} probe (no key object per request) and an overwrite keeps the entry and
 * its key bytes. Entries chain in their slot; the table doubles past three quarters full and
 * never shrinks, like {@code HashMap}. Every {@link #get} and {@link #put} makes the entry the
 * most recently used, as an access-ordered {@code LinkedHashMap} did.
 */
final class Segment {
    private static final int SLOTS_MIN = 16;

    /** One key's item: chained in its slot, and linked between older and newer entries in the LRU list. */
    private static final class Entry {
        final byte[] key;
        final long hash;
        Item item;
        Entry nextInSlot;
        Entry older;
        Entry newer;

        Entry(byte[] key, long hash) {
            this.key = key;
            this.hash = hash;
        }
    }

    /** The LRU list's sentinel: {@code lru.newer} is the least recently used entry, {@code lru.older} the most. */
    private final Entry lru = new Entry(new byte[0], 0);

    private Entry[] slots = new Entry[SLOTS_MIN];
    private int size;
    private long bytesMax;
    private long bytes;

    Segment(long bytesMax) {
        this.bytesMax = bytesMax;
        lru.older = lru;
        lru.newer = lru;
    }

    long bytesMax() {
        return bytesMax;
    }

    long bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    /** The item of {@code key} (making it the most recently used), or null. */
    Item get(MemcachedKey key) {
        Entry entry = find(key);
        if (entry == null) {
            return null;
        }
        unlinkLru(entry);
        linkNewest(entry);
        return entry.item;
    }

    /** Stores {@code item}, evicting least recently used items until it fits; returns evictions. */
    int put(MemcachedKey key, Item item) {
        Entry entry = find(key);
        if (entry != null) {
            detach(entry); // out of reach of the eviction below; its key bytes are kept
        }
        long size = Item.sizeBytes(key.length(), item.value().length);
        assert size <= bytesMax : "caller checks that the item fits a segment";
        int evicted = evictDownTo(bytesMax - size);
        if (entry == null) {
            entry = new Entry(key.copy(), key.hash());
        }
        entry.item = item;
        attach(entry);
        return evicted;
    }

    /** A new share of the memory limit; evicts least recently used items over it and returns how many. */
    int setBytesMax(long newBytesMax) {
        bytesMax = newBytesMax;
        return evictDownTo(bytesMax);
    }

    boolean remove(MemcachedKey key) {
        Entry entry = find(key);
        if (entry == null) {
            return false;
        }
        detach(entry);
        return true;
    }

    void clear() {
        slots = new Entry[SLOTS_MIN];
        lru.older = lru;
        lru.newer = lru;
        size = 0;
        bytes = 0;
    }

    /** Evicts from the least recently used end until at most {@code bytesAllowed} remain. */
    private int evictDownTo(long bytesAllowed) {
        int evicted = 0;
        while (bytes > bytesAllowed && lru.newer != lru) {
            detach(lru.newer);
            evicted++;
        }
        return evicted;
    }

    private Entry find(MemcachedKey key) {
        long hash = key.hash();
        for (Entry entry = slots[slot(hash, slots.length)]; entry != null; entry = entry.nextInSlot) {
            if (entry.hash == hash && key.matches(entry.key)) {
                return entry;
            }
        }
        return null;
    }

    /** Puts {@code entry} in its slot and at the most recently used end, and counts its bytes. */
    private void attach(Entry entry) {
        if (size >= slots.length - (slots.length >>> 2)) {
            grow();
        }
        int slot = slot(entry.hash, slots.length);
        entry.nextInSlot = slots[slot];
        slots[slot] = entry;
        linkNewest(entry);
        size++;
        bytes += Item.sizeBytes(entry.key.length, entry.item.value().length);
    }

    /** Takes {@code entry} out of its slot and the LRU list, and uncounts its bytes. */
    private void detach(Entry entry) {
        int slot = slot(entry.hash, slots.length);
        if (slots[slot] == entry) {
            slots[slot] = entry.nextInSlot;
        } else {
            Entry before = slots[slot];
            while (before.nextInSlot != entry) {
                before = before.nextInSlot;
            }
            before.nextInSlot = entry.nextInSlot;
        }
        entry.nextInSlot = null;
        unlinkLru(entry);
        size--;
        bytes -= Item.sizeBytes(entry.key.length, entry.item.value().length);
    }

    private void grow() {
        Entry[] grown = new Entry[slots.length * 2];
        for (Entry head : slots) {
            for (Entry entry = head; entry != null; ) {
                Entry next = entry.nextInSlot;
                int slot = slot(entry.hash, grown.length);
                entry.nextInSlot = grown[slot];
                grown[slot] = entry;
                entry = next;
            }
        }
        slots = grown;
    }

    private void linkNewest(Entry entry) {
        Entry newest = lru.older;
        entry.older = newest;
        entry.newer = lru;
        newest.newer = entry;
        lru.older = entry;
    }

    private static void unlinkLru(Entry entry) {
        entry.older.newer = entry.newer;
        entry.newer.older = entry.older;
        entry.older = null;
        entry.newer = null;
    }

    /** The lower half of the hash picks the slot; the upper half picked the segment. */
    private static int slot(long hash, int slotCount) {
        return (int) hash & (slotCount - 1);
    }
}
