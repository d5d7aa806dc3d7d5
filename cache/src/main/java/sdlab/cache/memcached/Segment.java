package sdlab.cache.memcached;

/**
 * One stripe of the memcached store: a hash table of its items, each also linked into the
 * stripe's LRU list, with its own share of the memory limit. Not thread-safe by itself; the
 * store holds the segment's monitor around every call.
 *
 * <p>A read does not move its item. It marks it active, as memcached 1.6 marks a fetched item
 * ({@code ITEM_ACTIVE}), and eviction gives an active item a second chance: it goes to the newest
 * end with its mark cleared, where memcached's LRU maintainer moves active items to its warm
 * queue instead of evicting them. Relinking on every read cost a third of a get's CPU in a hash
 * table larger than the caches (the JMH benchmark {@code MemcachedGetBenchmark} and
 * bench/README.md): it writes to the two neighbours in the list, two more cache misses. A store
 * puts its new item at the newest end, as before.
 *
 * <p>The table is its own rather than a {@code LinkedHashMap} so that a lookup takes a reusable
 * {@link MemcachedKey} probe (no key object per request), and the items are its nodes: an item
 * is chained in its slot and linked between older and newer items, so a hit reads the slot array,
 * the item and the item's one array of key and value bytes. The table doubles past three quarters
 * full and never shrinks, like {@code HashMap}.
 */
final class Segment {
    private static final int SLOTS_MIN = 16;

    /** The LRU list's sentinel: {@code lru.newer} is the least recently used item, {@code lru.older} the most. */
    private final Item lru = Item.of(new byte[0], new byte[0], 0, 0, 0, 0);

    private Item[] slots = new Item[SLOTS_MIN];
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

    /** The item of {@code key} (marking it read, so that eviction passes it over once), or null. */
    Item get(MemcachedKey key) {
        Item item = find(key);
        if (item == null) {
            return null;
        }
        if (!item.active) {
            item.active = true; // a write to the line just read; the neighbours stay untouched
        }
        return item;
    }

    /**
     * Stores {@code item} under its key (which is {@code key}), replacing the key's item, evicting
     * least recently used items until it fits; returns evictions.
     */
    int put(MemcachedKey key, Item item) {
        Item existing = find(key);
        if (existing != null) {
            detach(existing); // out of reach of the eviction below
        }
        long size = item.sizeBytes();
        assert size <= bytesMax : "caller checks that the item fits a segment";
        int evicted = evictDownTo(bytesMax - size);
        attach(item);
        return evicted;
    }

    /** A new share of the memory limit; evicts least recently used items over it and returns how many. */
    int setBytesMax(long newBytesMax) {
        bytesMax = newBytesMax;
        return evictDownTo(bytesMax);
    }

    boolean remove(MemcachedKey key) {
        Item item = find(key);
        if (item == null) {
            return false;
        }
        detach(item);
        return true;
    }

    void clear() {
        slots = new Item[SLOTS_MIN];
        lru.older = lru;
        lru.newer = lru;
        size = 0;
        bytes = 0;
    }

    /**
     * Evicts from the oldest end until at most {@code bytesAllowed} remain; an item read since it
     * was stored or last passed over moves to the newest end instead, its mark cleared. Each item
     * is passed over at most once per call, so the loop ends.
     */
    private int evictDownTo(long bytesAllowed) {
        int evicted = 0;
        while (bytes > bytesAllowed && lru.newer != lru) {
            Item oldest = lru.newer;
            if (oldest.active) {
                oldest.active = false;
                unlinkLru(oldest);
                linkNewest(oldest);
            } else {
                detach(oldest);
                evicted++;
            }
        }
        return evicted;
    }

    private Item find(MemcachedKey key) {
        int hash = (int) key.hash();
        for (Item item = slots[slot(hash, slots.length)]; item != null; item = item.nextInSlot) {
            if (item.hash == hash && key.matches(item)) {
                return item;
            }
        }
        return null;
    }

    /** Puts {@code item} in its slot and at the most recently used end, and counts its bytes. */
    private void attach(Item item) {
        if (size >= slots.length - (slots.length >>> 2)) {
            grow();
        }
        int slot = slot(item.hash, slots.length);
        item.nextInSlot = slots[slot];
        slots[slot] = item;
        linkNewest(item);
        size++;
        bytes += item.sizeBytes();
    }

    /** Takes {@code item} out of its slot and the LRU list, and uncounts its bytes. */
    private void detach(Item item) {
        int slot = slot(item.hash, slots.length);
        if (slots[slot] == item) {
            slots[slot] = item.nextInSlot;
        } else {
            Item before = slots[slot];
            while (before.nextInSlot != item) {
                before = before.nextInSlot;
            }
            before.nextInSlot = item.nextInSlot;
        }
        item.nextInSlot = null;
        unlinkLru(item);
        size--;
        bytes -= item.sizeBytes();
    }

    private void grow() {
        Item[] grown = new Item[slots.length * 2];
        for (Item head : slots) {
            for (Item item = head; item != null; ) {
                Item next = item.nextInSlot;
                int slot = slot(item.hash, grown.length);
                item.nextInSlot = grown[slot];
                grown[slot] = item;
                item = next;
            }
        }
        slots = grown;
    }

    private void linkNewest(Item item) {
        Item newest = lru.older;
        item.older = newest;
        item.newer = lru;
        newest.newer = item;
        lru.older = item;
    }

    private static void unlinkLru(Item item) {
        item.older.newer = item.newer;
        item.newer.older = item.older;
        item.older = null;
        item.newer = null;
    }

    /** The lower half of the hash picks the slot; the upper half picked the segment. */
    private static int slot(int hash, int slotCount) {
        return hash & (slotCount - 1);
    }
}
