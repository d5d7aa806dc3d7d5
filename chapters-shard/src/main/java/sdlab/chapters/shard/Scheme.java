package sdlab.chapters.shard;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;

/** The partitioning schemes chapter 15 compares, and how each builds its first table. */
enum Scheme {
    MODULO("hash", "hash modulo N"),
    RING_ONE_TOKEN("ring1", "consistent hashing, one token per shard (no virtual nodes)"),
    RING_VIRTUAL_NODES("vnodes", "consistent hashing, --tokens tokens per shard (virtual nodes)"),
    RANGE("range", "ranges of equal key counts, split by size and load and moved while running");

    final String prefix;
    final String description;

    Scheme(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    /**
     * The first table for {@code shards} over the sorted {@code keys}: ranges are cut at equal key counts and dealt
     * round-robin, as a pre-split table is; ring tokens are drawn for this seed, as a new Cassandra cluster's are.
     */
    Partitioner firstPartitioner(
            List<NodeId> shards, List<String> sortedKeys, int tokens, int rangesPerShard, KeyHash hash, long seed) {
        return switch (this) {
            case MODULO -> new ModuloPartitioner(shards, hash);
            case RING_ONE_TOKEN -> new ConsistentHashPartitioner(shards, 1, hash, seed);
            case RING_VIRTUAL_NODES -> new ConsistentHashPartitioner(shards, tokens, hash, seed);
            case RANGE -> {
                int ranges = shards.size() * rangesPerShard;
                List<String> cuts = new ArrayList<>();
                for (int i = 1; i < ranges; i++) {
                    String cut = sortedKeys.get((int) ((long) i * sortedKeys.size() / ranges));
                    if (cuts.isEmpty() || cut.compareTo(cuts.getLast()) > 0) {
                        cuts.add(cut);
                    }
                }
                yield RangePartitioner.cutAt(cuts, shards);
            }
        };
    }
}
