package sdlab.shard.partition;

import java.util.List;
import sdlab.core.NodeId;

/**
 * A partitioner as plain values, so that a routing table can travel between processes: which kind, which shards, and
 * what else rebuilds the very same ownership (the ring's tokens per shard and seed, the ranges). Every partitioner a
 * spec rebuilds hashes with {@link KeyHash#stable()}, the one hash every process agrees on; a partitioner planted
 * with another hash has no spec.
 */
public sealed interface PartitionerSpec {

    /** The partitioner this spec describes. */
    Partitioner build();

    /** Hash modulo N over {@code shards}. */
    record Modulo(List<NodeId> shards) implements PartitionerSpec {
        public Modulo {
            shards = List.copyOf(shards);
        }

        @Override
        public Partitioner build() {
            return new ModuloPartitioner(shards, KeyHash.stable());
        }
    }

    /** Consistent hashing over {@code shards}, {@code tokensPerShard} tokens each, placed by {@code tokenSeed}. */
    record Ring(List<NodeId> shards, int tokensPerShard, long tokenSeed) implements PartitionerSpec {
        public Ring {
            shards = List.copyOf(shards);
        }

        @Override
        public Partitioner build() {
            return new ConsistentHashPartitioner(shards, tokensPerShard, KeyHash.stable(), tokenSeed);
        }
    }

    /** Key ranges and their owners, in key order. */
    record Ranges(List<KeyRange> ranges) implements PartitionerSpec {
        public Ranges {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Partitioner build() {
            return new RangePartitioner(ranges);
        }
    }

    /** The spec that rebuilds {@code partitioner}, assuming it hashes with {@link KeyHash#stable()}. */
    static PartitionerSpec of(Partitioner partitioner) {
        return switch (partitioner) {
            case ModuloPartitioner modulo -> new Modulo(modulo.shards());
            case ConsistentHashPartitioner ring -> new Ring(ring.shards(), ring.tokensPerShard(), ring.tokenSeed());
            case RangePartitioner ranges -> new Ranges(ranges.ranges());
        };
    }
}
