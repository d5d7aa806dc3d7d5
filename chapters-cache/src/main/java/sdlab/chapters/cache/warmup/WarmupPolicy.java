package sdlab.chapters.cache.warmup;

import java.time.Duration;
import java.util.Objects;

/**
 * How chapter 13's service fills and keeps its cache: whether it loads the whole data set at
 * start-up, what a write does to the cache, and how long an entry lives.
 *
 * @param prepopulate load every record in pages when the service starts, before traffic arrives
 * @param onWrite what a write does to the cached entry
 * @param ttl how long an entry lives; zero means an entry expires at once, so nothing is cached
 * @param pagesSkipped a planted bug: pages at the end of the data set that pre-population forgets
 */
record WarmupPolicy(boolean prepopulate, OnWrite onWrite, Duration ttl, int pagesSkipped) {

    /** What a write does to the cache once the database has it. */
    enum OnWrite {
        /** Delete the entry; the next read loads it (cache-aside). */
        INVALIDATE,
        /** Store the new value in the cache too (write-through). */
        WRITE_THROUGH
    }

    WarmupPolicy {
        Objects.requireNonNull(onWrite, "onWrite");
        if (ttl.isNegative() || pagesSkipped < 0) {
            throw new IllegalArgumentException("a TTL and a count of skipped pages are not negative");
        }
    }

    /** True when entries live long enough to be read again. */
    boolean caches() {
        return !ttl.isZero();
    }

    /** The same policy with pre-population's planted bug: the last {@code pages} pages are never loaded. */
    WarmupPolicy skippingLastPages(int pages) {
        return new WarmupPolicy(prepopulate, onWrite, ttl, prepopulate ? pages : 0);
    }
}
