package sdlab.kv.quorum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sdlab.core.NodeId;

/**
 * Hash rings shared by every cluster with the same nodes and virtual nodes. A ring is a pure function of those two
 * and immutable, so sharing one changes no run; building one hashes {@code nodes x virtualNodesPerNode} token names
 * and sorts them, and a sweep builds a cluster per variant per seed: without this cache, building rings was a fifth
 * of chapter 10's sweep. Safe for concurrent sweeps' workers.
 */
final class RingCache {
    /** Distinct rings kept; a program that makes more gets the further ones built afresh, never an unbounded map. */
    static final int RINGS_CACHED_MAX = 64;

    private static final Map<Key, HashRing> RINGS = new ConcurrentHashMap<>();

    private record Key(List<NodeId> nodes, int virtualNodesPerNode) {}

    private RingCache() {}

    /** The ring of {@code nodes} at {@code virtualNodesPerNode} positions each, as {@link HashRing}'s constructor. */
    static HashRing ring(Collection<NodeId> nodes, int virtualNodesPerNode) {
        Key key = new Key(List.copyOf(nodes), virtualNodesPerNode);
        HashRing cached = RINGS.get(key);
        if (cached != null) {
            return cached;
        }
        HashRing built = new HashRing(key.nodes(), virtualNodesPerNode);
        if (RINGS.size() < RINGS_CACHED_MAX) {
            RINGS.putIfAbsent(key, built);
        }
        return built;
    }

    /** How many rings are kept, for tests of the bound. */
    static int ringsCached() {
        return RINGS.size();
    }
}
