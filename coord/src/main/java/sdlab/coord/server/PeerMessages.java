package sdlab.coord.server;

import java.util.List;
import java.util.Objects;
import sdlab.consensus.raft.RaftMessages.RaftMessage;

/**
 * What the servers of a replicated coordination service tell each other: Raft's messages, and
 * which sessions their clients kept alive lately (a server reports to the leader, which alone
 * expires sessions, as ZooKeeper's followers do with their pings).
 */
public final class PeerMessages {
    private PeerMessages() {}

    /** Every message between coordination servers. */
    public sealed interface PeerMessage extends CoordMessage permits Raft, SessionsAlive {}

    /** One of Raft's messages. */
    public record Raft(RaftMessage message) implements PeerMessage {
        public Raft {
            Objects.requireNonNull(message, "message");
        }
    }

    /** These sessions' clients were heard by the sender since its last report. */
    public record SessionsAlive(List<Long> sessions) implements PeerMessage {
        public SessionsAlive {
            sessions = List.copyOf(sessions);
        }
    }
}
