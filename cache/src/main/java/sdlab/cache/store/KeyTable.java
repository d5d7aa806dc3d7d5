package sdlab.cache.store;

import java.util.function.Consumer;

/**
 * The keyspace's hash table: chained buckets, a power-of-two size, and Redis's
 * reverse-binary cursor for SCAN.
 *
 * <p>Why not {@code java.util.HashMap}: SCAN promises that a key present for the whole
 * iteration is returned at least once, even when the table grows or shrinks between calls.
 * Redis keeps that promise by walking buckets in the order of their reversed bit patterns,
 * so that the buckets already visited in a small table map to buckets already visited in a
 * larger one, and the other way round. That needs control over the buckets.
 *
 * <p>The table grows when it holds as many keys as buckets and shrinks when it is less than
 * an eighth full. Unlike Redis it rehashes at once rather than incrementally: a pause of a
 * few milliseconds per million keys when it resizes.
 */
final class KeyTable {
    private static final int CAPACITY_MIN = 16;

    private Entry[] buckets = new Entry[CAPACITY_MIN];
    private int size;

    int size() {
        return size;
    }

    Entry get(Key key) {
        for (Entry e = buckets[key.hashCode() & (buckets.length - 1)]; e != null; e = e.tableNext) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** Inserts {@code entry}, whose key must not be in the table. */
    void insert(Entry entry) {
        assert get(entry.key) == null : "duplicate key " + entry.key;
        if (size >= buckets.length) {
            resize(buckets.length * 2);
        }
        int index = entry.key.hashCode() & (buckets.length - 1);
        entry.tableNext = buckets[index];
        buckets[index] = entry;
        size++;
    }

    /** Removes {@code entry}, which must be in the table. */
    void remove(Entry entry) {
        int index = entry.key.hashCode() & (buckets.length - 1);
        Entry previous = null;
        for (Entry e = buckets[index]; e != null; previous = e, e = e.tableNext) {
            if (e == entry) {
                if (previous == null) {
                    buckets[index] = e.tableNext;
                } else {
                    previous.tableNext = e.tableNext;
                }
                e.tableNext = null;
                size--;
                if (buckets.length > CAPACITY_MIN && size < buckets.length / 8) {
                    resize(buckets.length / 2);
                }
                return;
            }
        }
        throw new AssertionError("entry not in table: " + entry.key);
    }

    void clear() {
        buckets = new Entry[CAPACITY_MIN];
        size = 0;
    }

    void forEach(Consumer<Entry> action) {
        for (Entry bucket : buckets) {
            for (Entry e = bucket; e != null; e = e.tableNext) {
                action.accept(e);
            }
        }
    }

    /**
     * Visits every entry of the bucket that {@code cursor} names and returns the cursor of the
     * next bucket, or 0 when the whole table has been visited.
     */
    long scanBucket(long cursor, Consumer<Entry> action) {
        long mask = buckets.length - 1;
        for (Entry e = buckets[(int) (cursor & mask)]; e != null; e = e.tableNext) {
            action.accept(e);
        }
        // Increment the cursor's reversed bits: set the bits above the mask so that the carry
        // runs through them, reverse, add one, reverse back.
        long next = cursor | ~mask;
        next = Long.reverse(next);
        next++;
        return Long.reverse(next);
    }

    private void resize(int capacity) {
        Entry[] old = buckets;
        buckets = new Entry[capacity];
        for (Entry bucket : old) {
            Entry e = bucket;
            while (e != null) {
                Entry next = e.tableNext;
                int index = e.key.hashCode() & (capacity - 1);
                e.tableNext = buckets[index];
                buckets[index] = e;
                e = next;
            }
        }
    }
}
