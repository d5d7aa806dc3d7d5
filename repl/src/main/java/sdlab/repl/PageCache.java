package sdlab.repl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's buffer cache: which pages (one per key) are in memory, at most {@code pagesMax}, the least recently used
 * evicted first, as InnoDB's buffer pool or PostgreSQL's shared buffers do. It counts hits and misses; the cost of a
 * miss is the caller's ({@link PageReads}, and a replica's applier).
 */
final class PageCache {
    private final int pagesMax;
    private final LinkedHashMap<String, Boolean> pages;
    private long hits;
    private long misses;

    PageCache(int pagesMax) {
        this.pagesMax = pagesMax;
        // Access order: every get moves a page to the most recently used end.
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > PageCache.this.pagesMax;
            }
        };
    }

    /** Looks {@code key}'s page up, counting a hit or a miss; a hit makes it the most recently used. */
    boolean lookUp(String key) {
        if (pages.get(key) != null) {
            hits++;
            return true;
        }
        misses++;
        return false;
    }

    /** Whether {@code key}'s page is in memory, without counting or reordering. */
    boolean holds(String key) {
        return pages.containsKey(key);
    }

    /** {@code key}'s page was read from disk or written: it is in memory now, the most recently used. */
    void load(String key) {
        pages.put(key, Boolean.TRUE);
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    int size() {
        return pages.size();
    }
}
