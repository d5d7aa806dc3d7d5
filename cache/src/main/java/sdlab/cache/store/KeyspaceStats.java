package sdlab.cache.store;

/** The keyspace's counters, with the names Redis's INFO uses. Changed only by the keyspace. */
public final class KeyspaceStats {
    long hits;
    long misses;
    long expiredKeys;
    long evictedKeys;

    /** Reads of an existing key ({@code keyspace_hits}). */
    public long hits() {
        return hits;
    }

    /** Reads of a missing or expired key ({@code keyspace_misses}). */
    public long misses() {
        return misses;
    }

    /** Keys removed because their TTL passed, lazily or by the active cycle ({@code expired_keys}). */
    public long expiredKeys() {
        return expiredKeys;
    }

    /** Keys removed to stay under maxmemory ({@code evicted_keys}). */
    public long evictedKeys() {
        return evictedKeys;
    }

    /** hits / (hits + misses), or 0 before any read. */
    public double hitRatio() {
        long reads = hits + misses;
        return reads == 0 ? 0 : (double) hits / reads;
    }

    /** Sets every counter back to zero (Redis's CONFIG RESETSTAT). */
    public void reset() {
        hits = 0;
        misses = 0;
        expiredKeys = 0;
        evictedKeys = 0;
    }
}
