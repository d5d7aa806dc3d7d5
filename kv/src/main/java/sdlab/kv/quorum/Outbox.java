package sdlab.kv.quorum;

import java.util.ArrayDeque;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;

/**
 * Where a node's parts send messages. A coordinator is often one of the key's replicas: its
 * message to itself skips the network and is queued here, and the node handles the queue
 * right after the current event, so no handler ever runs inside another.
 */
final class Outbox {
    /** One event queues a handful of local messages; this many means a loop, a programming error. */
    static final int LOCAL_QUEUE_MAX = 10_000;

    private final NodeId self;
    private final ArrayDeque<QuorumMessage> local = new ArrayDeque<>();

    Outbox(NodeId self) {
        this.self = self;
    }

    void send(NodeContext ctx, NodeId to, QuorumMessage message) {
        if (to.equals(self)) {
            assert local.size() < LOCAL_QUEUE_MAX : "local message loop at " + self;
            local.add(message);
        } else {
            ctx.send(to, message);
        }
    }

    /** The next message this node sent to itself, or null. */
    QuorumMessage pollLocal() {
        return local.poll();
    }
}
