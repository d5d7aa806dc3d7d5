package sdlab.shard.partition;

import java.util.List;
import sdlab.core.NodeId;

/**
 * Which shard owns a key: the one decision every router and every shard makes alike (Strategy). Implementations are
 * immutable values; a change of ownership is a new partitioner in a new {@link sdlab.shard.store.RoutingTable}.
 */
public sealed interface Partitioner permits ModuloPartitioner, ConsistentHashPartitioner, RangePartitioner {
    /** The shard that owns {@code key}. */
    NodeId ownerOf(String key);

    /** Every shard that owns something, in name order. */
    List<NodeId> shards();

    /**
     * The shards a scan of {@code [fromKey, toKey)} must ask: every shard for hash partitioning (neighbouring keys
     * land anywhere), only the owners of the covering ranges for range partitioning. In name order.
     */
    List<NodeId> shardsForScan(String fromKey, String toKey);

    /** One line for reports and traces: "consistent hashing, 4 shards x 16 tokens". */
    String describe();
}
