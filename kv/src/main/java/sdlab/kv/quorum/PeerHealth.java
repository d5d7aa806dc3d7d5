package sdlab.kv.quorum;

import java.util.HashMap;
import java.util.Map;
import sdlab.core.NodeId;

/**
 * A failure detector by timeouts, as crude as Dynamo's: a node that let a request deadline
 * pass is believed down for {@code suspicionNanos}, unless a message from it arrives sooner.
 * It can be wrong both ways; it only steers sloppy quorums, never correctness.
 */
final class PeerHealth {
    private final NodeId self;
    private final long suspicionNanos;
    private final Map<NodeId, Long> suspectedUntilNanos = new HashMap<>();

    PeerHealth(NodeId self, long suspicionNanos) {
        this.self = self;
        this.suspicionNanos = suspicionNanos;
    }

    void suspect(NodeId node, long nowNanos) {
        if (!node.equals(self)) {
            suspectedUntilNanos.put(node, nowNanos + suspicionNanos);
        }
    }

    void heard(NodeId node) {
        if (!suspectedUntilNanos.isEmpty()) { // every message is heard; suspicion is rare
            suspectedUntilNanos.remove(node);
        }
    }

    boolean believedUp(NodeId node, long nowNanos) {
        Long until = suspectedUntilNanos.get(node);
        return until == null || nowNanos >= until;
    }
}
