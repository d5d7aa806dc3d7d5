package sdlab.cache;

import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.Keyspace;

/**
 * The engine's starting configuration; CONFIG SET changes it at run time.
 *
 * @param maxmemoryBytes the memory limit in accounted bytes, 0 for none
 * @param eviction the eviction policy and its parameters
 * @param requirePass the password clients must AUTH with, or null for none
 * @param databases how many numbered databases (Redis's {@code databases}); fixed for the run
 */
public record CacheConfig(long maxmemoryBytes, EvictionSettings eviction, String requirePass, int databases) {
    public CacheConfig {
        if (maxmemoryBytes < 0) {
            throw new IllegalArgumentException("maxmemory must not be negative");
        }
        if (databases < 1) {
            throw new IllegalArgumentException("databases must be at least 1, not " + databases);
        }
        if (requirePass != null && requirePass.isEmpty()) {
            requirePass = null;
        }
    }

    /** No memory limit, noeviction, no password, sixteen databases: Redis's defaults. */
    public static CacheConfig defaults() {
        return new CacheConfig(0, EvictionSettings.defaults(), null, Keyspace.DATABASES_DEFAULT);
    }

    public CacheConfig withMaxmemory(long bytes) {
        return new CacheConfig(bytes, eviction, requirePass, databases);
    }

    public CacheConfig withEviction(EvictionSettings settings) {
        return new CacheConfig(maxmemoryBytes, settings, requirePass, databases);
    }

    public CacheConfig withRequirePass(String password) {
        return new CacheConfig(maxmemoryBytes, eviction, password, databases);
    }

    public CacheConfig withDatabases(int count) {
        return new CacheConfig(maxmemoryBytes, eviction, requirePass, count);
    }
}
