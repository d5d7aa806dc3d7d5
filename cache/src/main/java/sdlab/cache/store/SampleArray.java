package sdlab.cache.store;

import java.util.random.RandomGenerator;

/**
 * A dense array of entries for uniform random sampling in O(1), as eviction and active
 * expiry need: Redis samples its dictionaries' buckets; a dense array gives the same samples
 * without the bias of uneven chains. Each entry remembers its slot, so removal is a swap with
 * the last element.
 */
final class SampleArray {
    /** Which field of {@link Entry} stores an entry's position in this array. */
    enum Slot {
        ALL,
        VOLATILE,
        /** The keys of the entry's own {@link Database}. */
        DATABASE;

        int get(Entry e) {
            return switch (this) {
                case ALL -> e.allSlot;
                case VOLATILE -> e.volatileSlot;
                case DATABASE -> e.databaseSlot;
            };
        }

        void set(Entry e, int slot) {
            switch (this) {
                case ALL -> e.allSlot = slot;
                case VOLATILE -> e.volatileSlot = slot;
                case DATABASE -> e.databaseSlot = slot;
            }
        }
    }

    private static final int CAPACITY_MIN = 16;

    private final Slot slot;
    private Entry[] entries = new Entry[CAPACITY_MIN];
    private int size;

    SampleArray(Slot slot) {
        this.slot = slot;
    }

    int size() {
        return size;
    }

    Entry at(int index) {
        return entries[index];
    }

    boolean contains(Entry e) {
        return slot.get(e) >= 0;
    }

    void add(Entry e) {
        assert !contains(e) : "entry already sampled: " + e.key;
        if (size == entries.length) {
            resize(entries.length * 2);
        }
        entries[size] = e;
        slot.set(e, size);
        size++;
    }

    void remove(Entry e) {
        int index = slot.get(e);
        assert index >= 0 && entries[index] == e : "entry not sampled: " + e.key;
        Entry last = entries[size - 1];
        entries[index] = last;
        slot.set(last, index);
        entries[size - 1] = null;
        size--;
        slot.set(e, -1);
        if (entries.length > CAPACITY_MIN && size < entries.length / 4) {
            resize(entries.length / 2);
        }
    }

    /** A uniformly chosen entry; the array must not be empty. */
    Entry random(RandomGenerator random) {
        assert size > 0 : "sampling an empty array";
        return entries[random.nextInt(size)];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            slot.set(entries[i], -1);
        }
        entries = new Entry[CAPACITY_MIN];
        size = 0;
    }

    private void resize(int capacity) {
        Entry[] next = new Entry[capacity];
        System.arraycopy(entries, 0, next, 0, size);
        entries = next;
    }
}
