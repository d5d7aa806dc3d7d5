package sdlab.shard.partition;

import java.util.List;
import java.util.TreeSet;
import sdlab.core.NodeId;

/** Checks a list of shards given to a partitioner. */
final class Shards {
    private Shards() {}

    /** The shards in name order; none missing, none twice. */
    static List<NodeId> sortedDistinct(List<NodeId> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a partitioner needs at least one shard");
        }
        TreeSet<NodeId> sorted = new TreeSet<>(shards);
        if (sorted.size() != shards.size()) {
            throw new IllegalArgumentException("a partitioner's shards must be distinct: " + shards);
        }
        return List.copyOf(sorted);
    }
}
