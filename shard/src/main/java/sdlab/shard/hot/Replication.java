package sdlab.shard.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * Read replicas for every shard: {@code copies} nodes hold each shard's data, the shard itself and {@code s0r1},
 * {@code s0r2}, ... A write goes to every copy and is acknowledged when all have applied it (write-all, read-one: no
 * stale reads, writes cost {@code copies} times the work); a read goes to one copy, picked by {@code choice}.
 *
 * @param copies nodes per shard, the shard included
 * @param choice how a router picks a copy for a read
 * @param preferLonger the planted bug of {@link ReplicaPicker}
 */
public record Replication(int copies, ReplicaChoice choice, boolean preferLonger) {
    /** One copy: the shard alone. */
    public static final Replication SINGLE = new Replication(1, ReplicaChoice.RANDOM, false);

    static final int COPIES_MAX = 16;

    public Replication {
        Objects.requireNonNull(choice, "choice");
        if (copies < 1 || copies > COPIES_MAX) {
            throw new IllegalArgumentException("copies must be in [1, " + COPIES_MAX + "], got " + copies);
        }
    }

    /** The nodes that hold {@code shard}'s data, the shard first. */
    public List<NodeId> of(NodeId shard) {
        List<NodeId> all = new ArrayList<>(copies);
        all.add(shard);
        for (int i = 1; i < copies; i++) {
            all.add(NodeId.of(shard.name() + "r" + i));
        }
        return all;
    }

    /** A fresh picker for one router. */
    public ReplicaPicker picker() {
        return new ReplicaPicker(choice, preferLonger);
    }
}
