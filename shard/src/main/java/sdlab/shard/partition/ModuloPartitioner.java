package sdlab.shard.partition;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * Hash modulo N: shard {@code hash(key) mod N} of the shards in name order. The spread is as even as the hash, and a
 * change of N moves almost every key ({@code 1 - 1/N'} of them), which is what consistent hashing was invented to
 * avoid.
 *
 * @param shards the shards, in name order
 * @param hash how keys are hashed
 */
public record ModuloPartitioner(List<NodeId> shards, KeyHash hash) implements Partitioner {
    public ModuloPartitioner {
        shards = Shards.sortedDistinct(shards);
        Objects.requireNonNull(hash, "hash");
    }

    @Override
    public NodeId ownerOf(String key) {
        return shards.get((int) Long.remainderUnsigned(hash.of(key), shards.size()));
    }

    @Override
    public List<NodeId> shardsForScan(String fromKey, String toKey) {
        return shards;
    }

    /** The same hash over these shards. */
    public ModuloPartitioner withShards(List<NodeId> newShards) {
        return new ModuloPartitioner(newShards, hash);
    }

    @Override
    public String describe() {
        return "hash modulo " + shards.size();
    }
}
