package sdlab.cache.store;

/**
 * Redis's eviction pool: the best candidates seen so far across samplings, kept sorted by
 * rank (higher = better to evict). Keeping candidates between evictions is what makes sampled
 * LRU close to true LRU with only five samples per eviction.
 *
 * <p>The pool holds entry references; an entry removed from the keyspace meanwhile is
 * recognised by its {@code live} flag and skipped, as Redis skips keys no longer in its dict.
 */
final class EvictionPool {
    static final int SIZE = 16;

    private final Entry[] entries = new Entry[SIZE];
    private final long[] ranks = new long[SIZE];
    private int size;

    int size() {
        return size;
    }

    /** Offers a sampled entry; it stays if it ranks among the best {@link #SIZE}. */
    void offer(Entry e, long rank) {
        for (int i = 0; i < size; i++) {
            if (entries[i] == e) {
                removeAt(i);
                break;
            }
        }
        if (size == SIZE) {
            if (rank <= ranks[0]) {
                return;
            }
            removeAt(0);
        }
        int at = size;
        while (at > 0 && ranks[at - 1] > rank) {
            at--;
        }
        System.arraycopy(entries, at, entries, at + 1, size - at);
        System.arraycopy(ranks, at, ranks, at + 1, size - at);
        entries[at] = e;
        ranks[at] = rank;
        size++;
    }

    /** Removes and returns the best entry still eligible, or null once the pool is empty. */
    Entry takeBest(EvictionScope scope) {
        while (size > 0) {
            Entry best = entries[size - 1];
            removeAt(size - 1);
            if (best.live && scope.admits(best)) {
                return best;
            }
        }
        return null;
    }

    void clear() {
        java.util.Arrays.fill(entries, null);
        size = 0;
    }

    private void removeAt(int index) {
        System.arraycopy(entries, index + 1, entries, index, size - index - 1);
        System.arraycopy(ranks, index + 1, ranks, index, size - index - 1);
        size--;
        entries[size] = null;
    }
}
