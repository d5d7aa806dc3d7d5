package sdlab.shard.store;

import java.util.Objects;

/**
 * How a read cache works.
 *
 * @param ttlNanos how long a fetched value is served from the cache
 * @param hotKeysTracked the counters of its top-k of requested keys
 * @param hotShareMin the least share of the reads it has seen that a key must surely have taken (its top-k count less
 *     overcount) to be cached; colder keys pass through, coalesced but not kept
 * @param coalesce false plants the bug: every miss sends its own fetch
 * @param invalidation whether the shards tell the cache of their writes
 */
public record ReadCacheSettings(
        long ttlNanos, int hotKeysTracked, double hotShareMin, boolean coalesce, Invalidation invalidation) {
    /** What a write does to a cached entry of its key. */
    public enum Invalidation {
        /** Nothing: the entry is served until its TTL runs out. */
        NONE,
        /**
         * The cache watches every shard it fetches from, and each applied write drops its key's entry. A fetch that was
         * on its way when an invalidation of its key arrived is relayed but not kept: it may carry the value the write
         * replaced (as memcached's leases refuse a fill after a delete).
         */
        ON_WRITE,
        /** Planted bug: invalidations drop entries, but a fetch that crossed one is kept, old value and all. */
        ON_WRITE_KEEPS_CROSSED_FETCHES,
        /**
         * Planted bug: invalidations name the key as the shard stores it, and the cache drops an entry under another
         * form of the name (the classic mismatch of key formats between writer and cache): no entry is ever dropped.
         */
        ON_WRITE_ANOTHER_KEY
    }

    /** Reads seen before the top-k's shares are trusted. */
    static final long READS_BEFORE_CACHING = 100;

    public ReadCacheSettings {
        if (ttlNanos <= 0 || hotKeysTracked < 1 || !(hotShareMin > 0 && hotShareMin <= 1)) {
            throw new IllegalArgumentException("read cache settings out of range: TTL " + ttlNanos + " ns, "
                    + hotKeysTracked + " counters, share " + hotShareMin);
        }
        Objects.requireNonNull(invalidation, "invalidation");
    }

    /** A cache that writes do not invalidate. */
    public ReadCacheSettings(long ttlNanos, int hotKeysTracked, double hotShareMin, boolean coalesce) {
        this(ttlNanos, hotKeysTracked, hotShareMin, coalesce, Invalidation.NONE);
    }
}
