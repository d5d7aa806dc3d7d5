package sdlab.consensus.raft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * The whole protocol of Raft here, in one place. The sender of every message is the network's
 * {@code from}, so no message repeats it.
 *
 * <pre>
 * client -> any node      Submit (a write in a session) | Read
 * server -> leader        Propose (an application command; answered only by NotLeader)
 * node -> client          Applied | TxnApplied | ReadOk | NotLeader (with a hint; retry there)
 * admin -> any node       AddServer | RemoveServer
 * node -> admin           MembersChanged (once committed) | ChangeRefused (with a reason) | NotLeader
 * pre-candidate -> peer   PreVote                   peer -> pre-candidate   PreVoteReply
 * candidate -> peer       RequestVote               peer -> candidate       VoteReply (after the vote is synced)
 * leader -> follower      AppendEntries             follower -> leader      AppendReply (success after the entries are synced)
 * leader -> follower      InstallSnapshot (chunks)  follower -> leader      SnapshotChunkReply; AppendReply for the last (after the snapshot is synced)
 * </pre>
 */
public final class RaftMessages {
    private RaftMessages() {}

    /** Every message of Raft. */
    public sealed interface RaftMessage extends Message permits ClientRequest, ClientReply, PeerMessage {}

    // ---- client <-> node ----

    /** What a client asks; {@code requestId} is unique per client (for a write it is the session sequence). */
    public sealed interface ClientRequest extends RaftMessage permits Submit, Read, MembershipRequest, Propose {
        long requestId();
    }

    /**
     * An administrator's request to change the voting members by one server (Raft thesis §4.1),
     * answered by the leader once the new configuration is committed. Retrying a request whose
     * change is already made or in progress is answered as for the first.
     */
    public sealed interface MembershipRequest extends ClientRequest permits AddServer, RemoveServer {
        NodeId server();
    }

    /** Make {@code server} a voting member. */
    public record AddServer(long requestId, NodeId server) implements MembershipRequest {
        public AddServer {
            Objects.requireNonNull(server, "server");
        }
    }

    /** Make {@code server} no longer a member; a leader that removes itself steps down once it is committed. */
    public record RemoveServer(long requestId, NodeId server) implements MembershipRequest {
        public RemoveServer {
            Objects.requireNonNull(server, "server");
        }
    }

    /** Apply this write once, however often it is retried. */
    public record Submit(Command.Write command) implements ClientRequest {
        public Submit {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public long requestId() {
            return command.sequence();
        }
    }

    /**
     * Append this application command (from a server that does not lead, to the one it believes
     * does). Not answered when appended: the proposer learns what committed by applying its own
     * log; a node that does not lead answers {@link NotLeader}.
     */
    public record Propose(long requestId, Command.Apply command) implements ClientRequest {
        public Propose {
            Objects.requireNonNull(command, "command");
        }
    }

    /** A linearizable read of {@code key}, served by the leader through ReadIndex. */
    public record Read(long requestId, String key) implements ClientRequest {
        public Read {
            Objects.requireNonNull(key, "key");
        }
    }

    /** What a node answers a client; {@code requestId} echoes the request's. */
    public sealed interface ClientReply extends RaftMessage
            permits Applied, TxnApplied, ReadOk, NotLeader, MembersChanged, ChangeRefused {
        long requestId();
    }

    /**
     * The write was applied (once). For a put {@code ok} is true; for a cas it says whether the
     * compare matched; {@code value} is the key's value after it.
     */
    public record Applied(long requestId, boolean ok, Object value) implements ClientReply {}

    /**
     * The transaction was applied (once): {@code succeeded} if every condition held and every
     * write was made, else nothing was written and {@code failedCondition} is the index of the
     * first condition that failed (-2: an add met a String). {@code before} is what every key it
     * names held just before it, in the order {@link Command.Txn#keys()} gives.
     */
    public record TxnApplied(long requestId, boolean succeeded, int failedCondition, List<Command.KeyValue> before)
            implements ClientReply {
        public TxnApplied {
            before = List.copyOf(before);
        }
    }

    /** The value of the key as of a point between the read's arrival and this reply. */
    public record ReadOk(long requestId, Object value) implements ClientReply {}

    /**
     * This node cannot serve the request now (not the leader, or it stopped leading before the
     * request finished); {@code leaderHint} is the leader it believes in, if any. Indefinite for
     * a write: it may still commit, so the client retries it with the same sequence number.
     */
    public record NotLeader(long requestId, Optional<NodeId> leaderHint) implements ClientReply {}

    /** The membership change is committed: the voting members are now {@code members}. */
    public record MembersChanged(long requestId, List<NodeId> members) implements ClientReply {
        public MembersChanged {
            members = List.copyOf(members);
        }
    }

    /**
     * The membership change was not made, for {@code reason}: another change is in progress, or it
     * would remove the last member. Definite: nothing was appended.
     */
    public record ChangeRefused(long requestId, String reason) implements ClientReply {
        public ChangeRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- between nodes ----

    /** What nodes tell each other; {@code term} is the sender's term (for a pre-vote, the one it would stand in). */
    public sealed interface PeerMessage extends RaftMessage
            permits PreVote,
                    PreVoteReply,
                    RequestVote,
                    VoteReply,
                    AppendEntries,
                    AppendReply,
                    InstallSnapshot,
                    SnapshotChunkReply {
        long term();
    }

    /**
     * Would you vote for me in {@code term} (one above mine)? Changes nobody's term: a node cut
     * off for a while cannot disrupt a working cluster by raising terms (Raft thesis §9.6).
     */
    public record PreVote(long term, long lastLogIndex, long lastLogTerm) implements PeerMessage {}

    /** Granted: {@code term} echoes the proposed term; refused: it is the voter's own term. */
    public record PreVoteReply(long term, boolean granted) implements PeerMessage {}

    /** Vote for me in {@code term}; my log ends at (lastLogIndex, lastLogTerm). */
    public record RequestVote(long term, long lastLogIndex, long lastLogTerm) implements PeerMessage {}

    /** A granted vote is sent only once the vote is synced to the voter's disk. */
    public record VoteReply(long term, boolean granted) implements PeerMessage {}

    /**
     * Append {@code entries} after (prevLogIndex, prevLogTerm); also the heartbeat. {@code round}
     * numbers the leader's heartbeat rounds: a follower echoes it, and a majority of echoes of a
     * round confirms that the leader still led when it sent it (ReadIndex).
     */
    public record AppendEntries(
            long term, long prevLogIndex, long prevLogTerm, List<LogEntry> entries, long leaderCommit, long round)
            implements PeerMessage {
        public AppendEntries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The entries a follower needs next are compacted away: take this snapshot instead (Raft §7),
     * in chunks of its file's bytes (as the leader's disk holds it), each acknowledged by a {@link
     * SnapshotChunkReply} before the next is sent; {@code done} marks the last. The follower
     * installs the whole and answers the last chunk with an {@link AppendReply} whose match index
     * is the snapshot's last index, once it is synced; {@code round} is echoed as for
     * AppendEntries.
     */
    public record InstallSnapshot(
            long term, long lastIndex, long lastTerm, long offset, byte[] chunk, boolean done, long round)
            implements PeerMessage {
        public InstallSnapshot {
            chunk = chunk.clone();
        }

        @Override
        public byte[] chunk() {
            return chunk.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InstallSnapshot that
                    && term == that.term
                    && lastIndex == that.lastIndex
                    && lastTerm == that.lastTerm
                    && offset == that.offset
                    && done == that.done
                    && round == that.round
                    && java.util.Arrays.equals(chunk, that.chunk);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(term, lastIndex, offset, done, round) * 31 + java.util.Arrays.hashCode(chunk);
        }

        @Override
        public String toString() {
            return "InstallSnapshot[term=" + term + ", lastIndex=" + lastIndex + ", lastTerm=" + lastTerm + ", offset="
                    + offset + ", chunk=" + chunk.length + " bytes, done=" + done + ", round=" + round + "]";
        }
    }

    /**
     * A chunk of the snapshot up to {@code lastIndex} arrived: the follower holds its bytes up to
     * {@code nextOffset}, where the leader goes on (0 when it holds none of that snapshot, as after
     * a restart).
     */
    public record SnapshotChunkReply(long term, long lastIndex, long nextOffset, long round) implements PeerMessage {}

    /**
     * Success: the follower's log matches the leader's up to {@code matchIndex}, durably.
     * Failure: the log does not contain prevLogIndex with prevLogTerm; {@code conflictIndex} is
     * where the leader should try next.
     */
    public record AppendReply(long term, boolean success, long matchIndex, long conflictIndex, long round)
            implements PeerMessage {}
}
