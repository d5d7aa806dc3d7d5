package sdlab.check.linear;

import java.util.Arrays;

/**
 * The search's memo: the set of (linearized set, state) configurations already explored. An
 * open-addressing hash table of fixed-width keys (the bitset's words, then the state) stored
 * side by side in one long array, with the 64-bit hash kept per slot so that most probes
 * compare one long. The hash is supplied by the caller, who maintains it incrementally.
 */
final class VisitedSet {
    /** Small: a partition is searched one segment at a time, and most segments' memos stay tiny. */
    private static final int CAPACITY_MIN = 1 << 6;

    private final int words;
    private final int stride;
    private long[] hashes; // 0 marks an empty slot
    private long[] keys;
    private int size;

    VisitedSet(int words) {
        this.words = words;
        this.stride = words + 1;
        this.hashes = new long[CAPACITY_MIN];
        this.keys = new long[CAPACITY_MIN * stride];
    }

    int size() {
        return size;
    }

    /** The bytes its arrays hold: what the search's memory bound counts. */
    long bytes() {
        return 8L * (hashes.length + (long) keys.length);
    }

    /** Adds the configuration; false if it was already there. {@code hash} must not be 0. */
    boolean add(long[] bits, long state, long hash) {
        assert hash != 0;
        int mask = hashes.length - 1;
        int slot = (int) hash & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash && equalAt(slot, bits, state)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        int at = slot * stride;
        System.arraycopy(bits, 0, keys, at, words);
        keys[at + words] = state;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    private boolean equalAt(int slot, long[] bits, long state) {
        int at = slot * stride;
        if (keys[at + words] != state) {
            return false;
        }
        return Arrays.equals(keys, at, at + words, bits, 0, words);
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldKeys = keys;
        hashes = new long[oldHashes.length * 2];
        keys = new long[hashes.length * stride];
        int mask = hashes.length - 1;
        for (int old = 0; old < oldHashes.length; old++) {
            long hash = oldHashes[old];
            if (hash == 0) {
                continue;
            }
            int slot = (int) hash & mask;
            while (hashes[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = hash;
            System.arraycopy(oldKeys, old * stride, keys, slot * stride, stride);
        }
    }
}
