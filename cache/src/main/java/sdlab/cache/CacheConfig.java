package sdlab.cache;

import sdlab.cache.store.EvictionSettings;

/**
 * The engine's starting configuration; CONFIG SET changes it at run time.
 *
 * @param maxmemoryBytes the memory limit in accounted bytes, 0 for none
 * @param eviction the eviction policy and its parameters
 * @param requirePass the password clients must AUTH with, or null for none
 */
public record CacheConfig(long maxmemoryBytes, EvictionSettings eviction, String requirePass) {
    public CacheConfig {
        if (maxmemoryBytes < 0) {
            throw new IllegalArgumentException("maxmemory must not be negative");
        }
        if (requirePass != null && requirePass.isEmpty()) {
            requirePass = null;
        }
    }

    /** No memory limit, noeviction, no password: Redis's defaults. */
    public static CacheConfig defaults() {
        return new CacheConfig(0, EvictionSettings.defaults(), null);
    }

    public CacheConfig withMaxmemory(long bytes) {
        return new CacheConfig(bytes, eviction, requirePass);
    }

    public CacheConfig withEviction(EvictionSettings settings) {
        return new CacheConfig(maxmemoryBytes, settings, requirePass);
    }

    public CacheConfig withRequirePass(String password) {
        return new CacheConfig(maxmemoryBytes, eviction, password);
    }
}
