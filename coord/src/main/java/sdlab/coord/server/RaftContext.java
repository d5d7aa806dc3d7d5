package sdlab.coord.server;

import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/** The context a replica hands its embedded Raft node: the same, except that Raft's messages travel in an envelope. */
final class RaftContext extends ForwardingContext {

    RaftContext(NodeContext outer) {
        super(outer);
    }

    @Override
    public void send(NodeId to, Message message) {
        delegate().send(to, new PeerMessages.Raft((RaftMessage) message));
    }
}
