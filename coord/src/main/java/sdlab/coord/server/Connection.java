package sdlab.coord.server;

import java.util.ArrayDeque;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.Packets;
import sdlab.core.NodeId;

/**
 * One client connection at a replicated server: its session once open, and its requests in
 * arrival order. A request is answered when it reaches the head of the queue: a read then (so it
 * sees the session's earlier writes), a write once its entry has applied here. ZooKeeper answers a
 * session's requests in order; this queue is how.
 */
final class Connection {
    /** A request waiting for its turn, or (a write) for its entry to apply. */
    static final class Pending {
        final int xid;
        final ClientRequest request;
        /** The proposal it waits for, or 0 for a request answered from this server's state. */
        final long proposal;

        Packets.Reply answer;
        boolean closeAfter;

        Pending(int xid, ClientRequest request, long proposal) {
            this.xid = xid;
            this.request = request;
            this.proposal = proposal;
        }
    }

    final NodeId endpoint;
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** The open session it carries; 0 until the handshake is done. */
    long session;
    /** The handshake waiting for an entry to apply (a new session, or the check of a resumed one). */
    ConnectRequest handshake;

    long handshakeProposal;

    Connection(NodeId endpoint) {
        this.endpoint = endpoint;
    }

    boolean isOpen() {
        return session != 0;
    }
}
