package sdlab.kv.quorum;

import java.util.Optional;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.HintedWrite;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.ReplicaRequest;
import sdlab.kv.quorum.QuorumMessages.ReplicaWrite;

/**
 * A node a coordinator contacts for one operation: a replica of the key, or (in a sloppy
 * quorum) a stand-in holding a hint for the replica it replaces.
 */
record Target(NodeId node, Optional<NodeId> hintFor) {

    static Target owner(NodeId node) {
        return new Target(node, Optional.empty());
    }

    static Target standIn(NodeId node, NodeId intendedOwner) {
        return new Target(node, Optional.of(intendedOwner));
    }

    /** The replica this target's copy is meant for. */
    NodeId intendedOwner() {
        return hintFor.orElse(node);
    }

    boolean isStandIn() {
        return hintFor.isPresent();
    }

    ReplicaRequest writeRequest(OpId op, String key, Versioned item) {
        return hintFor.isPresent() ? new HintedWrite(op, key, item, hintFor.get()) : new ReplicaWrite(op, key, item);
    }
}
