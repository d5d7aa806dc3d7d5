package sdlab.cache.store;

import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * True LRU for allkeys-lru and volatile-lru in {@link LruMode#EXACT} mode: every key of the
 * scope sits in a doubly linked list in access order (most recent at the head), and the
 * victim is always the tail. It costs two extra references per key and a few pointer writes
 * per access, which is what Redis avoids by sampling.
 */
final class ExactLruEviction implements EvictionPolicy {
    private final EvictionScope scope;
    private final Entry head = new Entry(null, Key.of(""), null);

    ExactLruEviction(EvictionScope scope) {
        this.scope = scope;
        head.lruPrev = head;
        head.lruNext = head;
    }

    @Override
    public String name() {
        return scope == EvictionScope.ALL_KEYS ? "allkeys-lru" : "volatile-lru";
    }

    @Override
    public void onAdd(Entry e) {
        if (scope.admits(e)) {
            linkFirst(e);
        }
    }

    @Override
    public void onAccess(Entry e, long nowMillis, RandomGenerator random) {
        if (e.lruNext != null) {
            unlink(e);
            linkFirst(e);
        }
    }

    @Override
    public void onExpiryChanged(Entry e) {
        boolean linked = e.lruNext != null;
        if (scope.admits(e) && !linked) {
            linkFirst(e);
        } else if (!scope.admits(e) && linked) {
            unlink(e);
        }
    }

    @Override
    public void onRemove(Entry e) {
        if (e.lruNext != null) {
            unlink(e);
        }
    }

    /** Links the existing keys least recent first, so that the list starts in access order. */
    @Override
    public void adopt(List<Entry> entries) {
        entries.stream().sorted(Comparator.comparingLong(Entry::accessMillis)).forEach(this::onAdd);
    }

    @Override
    public Entry selectVictim(EvictionView view) {
        return head.lruPrev == head ? null : head.lruPrev;
    }

    private void linkFirst(Entry e) {
        e.lruNext = head.lruNext;
        e.lruPrev = head;
        head.lruNext.lruPrev = e;
        head.lruNext = e;
    }

    private void unlink(Entry e) {
        e.lruPrev.lruNext = e.lruNext;
        e.lruNext.lruPrev = e.lruPrev;
        e.lruPrev = null;
        e.lruNext = null;
    }
}
