package sdlab.chapters.cache.layers;

import java.util.Objects;

/**
 * Which caching layers are on in a run of chapter 20.
 *
 * @param browser each user's browser keeps responses
 * @param edge how the edge POPs cache
 * @param appMemory the origin keeps database rows in memory
 * @param dbBuffer the database keeps pages in its buffer pool
 */
record Layers(boolean browser, EdgePolicy edge, boolean appMemory, boolean dbBuffer) {
    Layers {
        Objects.requireNonNull(edge, "edge");
    }

    /** The same layers with the planted bug in the edge: Vary left out of the cache key. */
    Layers withEdgeForgettingVary() {
        return new Layers(browser, edge.forgettingVary(), appMemory, dbBuffer);
    }
}
