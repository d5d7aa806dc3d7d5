package sdlab.txlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sdlab.core.NodeId;

/**
 * Where a partition's leadership goes back to, as Kafka's preferred-replica election: the first of its replicas. The
 * controller assigns partitions so that these spread over the brokers; after a broker fails and comes back, the
 * elections in between have left its partitions led by the survivors, and moving each back restores the spread. The
 * move is a clean election: the preferred replica must be alive and in the in-sync set, which means it holds every
 * record below the high watermark, so every acknowledged {@code acks=all} record survives it.
 */
final class PreferredLeader {
    private PreferredLeader() {}

    /**
     * The partition's state with its preferred replica leading in a new epoch, or empty when it leads already, the
     * partition is offline, or the preferred replica is dead or out of sync. With {@code outsideIsrAllowed} (a planted
     * bug) the in-sync set is not asked, and a replica that lacks records leads.
     */
    static Optional<PartitionState> moveBack(PartitionState state, Set<NodeId> alive, boolean outsideIsrAllowed) {
        NodeId preferred = state.replicas().getFirst();
        if (state.leader() == null || state.leader().equals(preferred) || !alive.contains(preferred)) {
            return Optional.empty();
        }
        if (state.isr().contains(preferred)) {
            return Optional.of(state.withLeader(preferred, state.isr()));
        }
        if (!outsideIsrAllowed) {
            return Optional.empty();
        }
        List<NodeId> isr = new ArrayList<>(state.isr());
        isr.add(preferred);
        return Optional.of(state.withLeader(preferred, isr));
    }
}
