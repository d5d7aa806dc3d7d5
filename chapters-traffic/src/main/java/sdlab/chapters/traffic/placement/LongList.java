package sdlab.chapters.traffic.placement;

import java.util.Arrays;

/** A growable list of longs without boxing: a bidder's counting moments, a few thousand per run. */
final class LongList {
    private long[] values = new long[64];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** A sorted copy of the values. */
    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
