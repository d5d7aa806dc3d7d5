package sdlab.kv.quorum;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.kv.quorum.QuorumMessages.OpId;

/** A write a coordinator has sent out and not yet answered. */
final class PendingWrite {
    final OpId op;
    final NodeId client;
    final long requestId;
    final String key;
    final Versioned item;
    final TargetSet targets;
    final Set<NodeId> acked = new TreeSet<>();
    List<TimerId> timers = List.of();

    PendingWrite(OpId op, NodeId client, long requestId, String key, Versioned item, TargetSet targets) {
        this.op = op;
        this.client = client;
        this.requestId = requestId;
        this.key = key;
        this.item = item;
        this.targets = targets;
    }
}
