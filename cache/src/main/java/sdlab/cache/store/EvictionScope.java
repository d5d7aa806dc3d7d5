package sdlab.cache.store;

/** Which keys a policy may evict: any key, or only keys with an expiry ("volatile"). */
enum EvictionScope {
    ALL_KEYS,
    VOLATILE;

    boolean admits(Entry e) {
        return this == ALL_KEYS || e.hasExpiry();
    }
}
