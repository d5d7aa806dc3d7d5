package sdlab.txlog;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * What the controller decided about one partition: which brokers hold it, which one leads in which leader epoch, and
 * which replicas are in sync. Every change bumps {@code partitionEpoch}; a new leader also bumps {@code leaderEpoch},
 * which fences the old one's fetches, answers and in-sync-set changes.
 *
 * @param leader the leading broker, or null while no eligible replica is alive (the partition is offline)
 */
public record PartitionState(
        TopicPartition partition,
        List<NodeId> replicas,
        NodeId leader,
        int leaderEpoch,
        List<NodeId> isr,
        int partitionEpoch) {

    public PartitionState {
        Objects.requireNonNull(partition, "partition");
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /** Whether this state is newer than {@code other}: a later leader epoch, or the same with a later partition epoch. */
    boolean newerThan(PartitionState other) {
        return other == null
                || leaderEpoch > other.leaderEpoch
                || (leaderEpoch == other.leaderEpoch && partitionEpoch > other.partitionEpoch);
    }

    PartitionState withIsr(List<NodeId> newIsr) {
        return new PartitionState(partition, replicas, leader, leaderEpoch, newIsr, partitionEpoch + 1);
    }

    PartitionState withLeader(NodeId newLeader, List<NodeId> newIsr) {
        return new PartitionState(partition, replicas, newLeader, leaderEpoch + 1, newIsr, partitionEpoch + 1);
    }
}
