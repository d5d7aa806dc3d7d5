package sdlab.shard.store;

/**
 * How a read cache works.
 *
 * @param ttlNanos how long a fetched value is served from the cache
 * @param hotKeysTracked the counters of its top-k of requested keys
 * @param hotShareMin the least share of the reads it has seen that a key must surely have taken (its top-k count less
 *     overcount) to be cached; colder keys pass through, coalesced but not kept
 * @param coalesce false plants the bug: every miss sends its own fetch
 */
public record ReadCacheSettings(long ttlNanos, int hotKeysTracked, double hotShareMin, boolean coalesce) {
    /** Reads seen before the top-k's shares are trusted. */
    static final long READS_BEFORE_CACHING = 100;

    public ReadCacheSettings {
        if (ttlNanos <= 0 || hotKeysTracked < 1 || !(hotShareMin > 0 && hotShareMin <= 1)) {
            throw new IllegalArgumentException("read cache settings out of range: TTL " + ttlNanos + " ns, "
                    + hotKeysTracked + " counters, share " + hotShareMin);
        }
    }
}
