package sdlab.check.txn;

import java.util.Arrays;

/**
 * A map from long to non-negative int with open addressing: the checker keeps one per key (the
 * writer of each value, a value's place in the version order), millions of entries in all, and
 * boxed maps would take several times the memory.
 */
final class LongIntMap {
    /** What {@link #get} answers for an absent key. */
    static final int ABSENT = -1;

    private long[] keys = new long[8];
    private int[] values = new int[8];
    private int size;

    LongIntMap() {
        Arrays.fill(values, ABSENT);
    }

    int size() {
        return size;
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int at = slot(key, mask); ; at = (at + 1) & mask) {
            if (values[at] == ABSENT) {
                return ABSENT;
            }
            if (keys[at] == key) {
                return values[at];
            }
        }
    }

    /** Puts {@code value} (non-negative) under {@code key} unless present; returns the value that was there or ABSENT. */
    int putIfAbsent(long key, int value) {
        assert value >= 0;
        int mask = keys.length - 1;
        int at = slot(key, mask);
        for (; values[at] != ABSENT; at = (at + 1) & mask) {
            if (keys[at] == key) {
                return values[at];
            }
        }
        keys[at] = key;
        values[at] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return ABSENT;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, ABSENT);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != ABSENT) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
