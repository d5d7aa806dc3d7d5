package sdlab.txlog;

import java.util.List;
import java.util.Set;
import sdlab.core.NodeId;

/**
 * Whom the controller makes leader when a partition's leader is gone: the first live replica, in replica order, that
 * is in the in-sync set, since each of those holds every record below the high watermark. When none is alive the
 * partition stays offline, unless unclean election is allowed: then the first live replica leads, with an in-sync set
 * of itself, and whatever only the dead in-sync replicas held is lost.
 */
final class LeaderElection {
    /** The outcome: the new leader (null: offline), its in-sync set, and whether it came from outside that set. */
    record Elected(NodeId leader, List<NodeId> isr, boolean unclean) {}

    private LeaderElection() {}

    static Elected elect(PartitionState state, List<NodeId> isr, Set<NodeId> alive, boolean uncleanAllowed) {
        for (NodeId replica : state.replicas()) {
            if (alive.contains(replica) && isr.contains(replica)) {
                return new Elected(replica, isr, false);
            }
        }
        if (uncleanAllowed) {
            for (NodeId replica : state.replicas()) {
                if (alive.contains(replica)) {
                    return new Elected(replica, List.of(replica), true);
                }
            }
        }
        return new Elected(null, isr, false);
    }
}
