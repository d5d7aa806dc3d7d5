package sdlab.coord.server;

import java.util.Objects;
import sdlab.coord.tree.Op;
import sdlab.core.NodeId;

/**
 * What a replicated coordination server puts in the Raft log: everything a transaction needs so
 * that every server applies it alike (the time and the session are the proposer's; the zxid is
 * the entry's log index). An entry that a server proposed for one of its clients names it as
 * {@link Origin}, so that when the entry applies there, that server answers the client; the
 * leader's own decisions (expiring a session, removing a container) have none.
 */
sealed interface TreeEntry {

    /**
     * The server that proposed the entry for a client, in which life (its clock when it last
     * started, so that a restarted server replaying its log does not take its last life's entries
     * for answers to its new proposals), and its number for the proposal there.
     */
    record Origin(NodeId server, long life, long proposal) {
        public Origin {
            Objects.requireNonNull(server, "server");
        }
    }

    /** The proposing server's client, if any; null for the leader's own decisions. */
    Origin origin();

    /** Opens a session; its id comes from the entry's index, the same on every server. */
    record CreateSession(Origin origin, byte[] password, int timeoutMs) implements TreeEntry {
        public CreateSession {
            Objects.requireNonNull(origin, "origin");
            password = password.clone();
        }
    }

    /** A client's write in {@code session}, at {@code timeMs} by the proposer's clock. */
    record Write(Origin origin, long session, long timeMs, Op op) implements TreeEntry {
        public Write {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(op, "op");
        }
    }

    /** Closes {@code session}: asked by its client (with an origin) or its expiry (by the leader, without). */
    record CloseSession(Origin origin, long session, long timeMs) implements TreeEntry {}

    /**
     * Changes nothing: applied at a server, it shows that the server has caught up with the
     * leader as of when the entry was appended. ZooKeeper's {@code sync}, and the check of a
     * session that a client resumes here before this server has applied its creation.
     */
    record Barrier(Origin origin) implements TreeEntry {
        public Barrier {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The leader's removal of an empty container or an expired TTL node. */
    record DeleteContainer(String path, long timeMs) implements TreeEntry {
        public DeleteContainer {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Origin origin() {
            return null;
        }
    }
}
