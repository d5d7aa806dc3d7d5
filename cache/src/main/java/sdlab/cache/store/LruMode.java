package sdlab.cache.store;

import java.util.Locale;

/**
 * How the LRU policies find the least recently used key: exactly, with an access-ordered
 * list, or approximately, by sampling as Redis does. The lab compares their hit ratios.
 */
public enum LruMode {
    /** A doubly linked list in access order: the true LRU key, at two pointer writes per access. */
    EXACT,
    /** Redis's approximation: sample {@code maxmemory-samples} keys into an eviction pool. */
    SAMPLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code exact} or {@code sampled}, in any case. */
    public static LruMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "exact" -> EXACT;
            case "sampled" -> SAMPLED;
            default -> throw new IllegalArgumentException("unknown LRU mode '" + text + "': expected exact or sampled");
        };
    }
}
