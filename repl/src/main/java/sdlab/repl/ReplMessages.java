package sdlab.repl;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * Every message of the replicated store, in one place: what clients ask, what the primary ships and replicas
 * answer, and the few messages of a failover.
 */
public sealed interface ReplMessages extends ReplFamily {

    // Clients and nodes.

    /** Write {@code value} to {@code key}: appended to the primary's log and committed as the mode says. */
    record Write(long requestId, String key, String value) implements ReplMessages {}

    /** The write committed at {@code position}: a later read that waits for it sees the write. */
    record WriteOk(long requestId, long position) implements ReplMessages {}

    /**
     * The write was certainly not applied: this node is not the primary (and {@code primaryHint} may name the one
     * it follows, or be null), or too many commits wait.
     */
    record WriteRefused(long requestId, String reason, NodeId primaryHint) implements ReplMessages {}

    /**
     * The write's fate is unknown: this node appended it while primary and stopped being primary before it could
     * acknowledge it (it was replaced or fenced). The entry may have reached a replica that now leads, so it may
     * survive or be discarded; the client must not assume either, and must not simply write again if a second copy
     * would matter. {@code primaryHint} names the node this one now follows, or is null.
     */
    record WriteUnknown(long requestId, String reason, NodeId primaryHint) implements ReplMessages {}

    /**
     * Read {@code key} once this node has applied {@code minPosition} (0: at once, whatever it has), waiting at most
     * {@code waitNanosMax} for it, as MySQL's {@code WAIT_FOR_EXECUTED_GTID_SET(gtids, timeout)} does. A read with
     * {@code primaryOnly} is meant for the primary: a node that is not (a replica the client took for the primary,
     * or one whose promotion has not reached it yet) refuses it, naming its source, rather than answer from what it
     * has applied so far.
     */
    record Read(long requestId, String key, long minPosition, long waitNanosMax, boolean primaryOnly)
            implements ReplMessages {}

    /** The key's value (null if never written) as of {@code position}, the last entry this node had applied. */
    record ReadOk(long requestId, String value, long position) implements ReplMessages {}

    /**
     * The read was not served: the wait for the position timed out, too many reads wait, or a read for the primary
     * reached a node that is not ({@code primaryHint} then names the node it follows, if any; null otherwise).
     */
    record ReadRefused(long requestId, String reason, long position, NodeId primaryHint) implements ReplMessages {}

    // Primary and replicas.

    /**
     * Entries for a replica, in order, and what the primary has: a heartbeat when {@code entries} is empty.
     *
     * @param entries consecutive entries, at most the configured batch
     * @param headPosition the primary's last entry
     * @param headOffsetBytes the primary's log length
     * @param sentAtNanos the primary's clock when it sent this, echoed back for the round trip
     * @param token the fencing token the primary holds (0 without leases): a fenced replica refuses a lower one
     * @param epochStartPosition the primary's last position when it became primary: a node that starts to follow
     *     it keeps its own log only up to there, since what lies beyond came from another primary
     */
    record Ship(
            List<Entry> entries,
            long headPosition,
            long headOffsetBytes,
            long sentAtNanos,
            long token,
            long epochStartPosition)
            implements ReplMessages {
        public Ship {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A fenced node's answer to a shipment under an older token than it has seen: {@code primary} ships under
     * {@code token} now. The receiver is deposed and steps down.
     */
    record Fenced(long token, NodeId primary) implements ReplMessages {
        public Fenced {
            Objects.requireNonNull(primary, "primary");
        }
    }

    /**
     * How far a replica has taken the log: received (written to its relay log), flushed (synced) and applied. The
     * answer to a shipment echoes its send time so that the primary can time the round trip; other reports carry 0.
     */
    record Progress(long receivedPosition, long flushedPosition, long appliedPosition, long echoSentAtNanos)
            implements ReplMessages {}

    // Failover.

    /** An operator asks a node where it is; {@code round} matches the answer to the question. */
    record StatusRequest(long round) implements ReplMessages {}

    /**
     * Where a node is: its role and the last entry it holds in its log (received, for a replica), or {@link #LOADING}
     * for a node still loading a snapshot, which holds no log yet and must not be promoted.
     */
    record Status(long round, boolean primary, long lastPosition) implements ReplMessages {
        /** The position a node loading a snapshot reports. */
        public static final long LOADING = -1;
    }

    /** Become the primary, with these replicas. */
    record Promote(List<NodeId> replicas) implements ReplMessages {
        public Promote {
            replicas = List.copyOf(replicas);
        }
    }

    /** Replicate from {@code primary} from now on. */
    record Follow(NodeId primary) implements ReplMessages {
        public Follow {
            Objects.requireNonNull(primary, "primary");
        }
    }

    /**
     * The failover manager to every node but the primary, at every check: replicate from {@code primary}. A primary
     * it replaced steps down, discarding what {@code primary} does not hold.
     */
    record Demote(NodeId primary) implements ReplMessages {
        public Demote {
            Objects.requireNonNull(primary, "primary");
        }
    }

    /**
     * A TCP connection attempt to the node's port. The host's kernel answers it ({@link PortListener}), not the
     * process: a paused or disk-bound process still completes the handshake.
     */
    record PortProbe(long round) implements ReplMessages {}

    /** The port accepted the connection. */
    record PortOpen(long round) implements ReplMessages {}

    /**
     * An operator to the failover manager: count {@code candidate}, a replica about to join from a snapshot, among the
     * candidates for promotion from now on. The manager answers {@link CandidateAdded} once the grown set is durable;
     * only then may the candidate join, so that the primary never counts an acknowledgement from a replica the manager
     * does not wait for.
     */
    record AddCandidate(NodeId candidate) implements ReplMessages {
        public AddCandidate {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * The manager's answer: {@code candidate} is one of its {@code candidates} (the primary included) and a failover
     * now waits for {@code answersMin} of them to report their positions.
     */
    record CandidateAdded(NodeId candidate, List<NodeId> candidates, int answersMin) implements ReplMessages {
        public CandidateAdded {
            Objects.requireNonNull(candidate, "candidate");
            candidates = List.copyOf(candidates);
        }
    }

    /** To clients: the primary is now {@code primary}. */
    record NewPrimary(NodeId primary) implements ReplMessages {
        public NewPrimary {
            Objects.requireNonNull(primary, "primary");
        }
    }

    // A replica that joins late, and reads routed by lag.

    /** An operator to a new, empty node: copy {@code primary}'s state from a snapshot, then replicate from it. */
    record JoinFrom(NodeId primary) implements ReplMessages {
        public JoinFrom {
            Objects.requireNonNull(primary, "primary");
        }
    }

    /** A joining node to the primary: send me a snapshot of your state, then add me to your replicas. */
    record SnapshotRequest() implements ReplMessages {}

    /** One key and its value in a snapshot. */
    record KeyValue(String key, String value) {
        public KeyValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Chunk {@code index} of {@code count} of the primary's state as of {@code position}: the applied state there,
     * which the log continues from {@code position + 1}.
     *
     * @param position the last entry the snapshot includes
     * @param commitNanos the primary's commit time of that entry (0 for an empty log)
     * @param offsetBytes the primary's log length after that entry
     * @param sizeBytes how many bytes the chunk stands for (its pages), which paced its sending
     */
    record SnapshotChunk(
            long position,
            long commitNanos,
            long offsetBytes,
            int index,
            int count,
            List<KeyValue> pairs,
            long sizeBytes)
            implements ReplMessages {
        public SnapshotChunk {
            pairs = List.copyOf(pairs);
        }
    }

    /** The joining node wrote and synced chunk {@code index}: the primary may send the next. */
    record SnapshotChunkAck(long position, int index) implements ReplMessages {}

    /** A balancer asks a replica how far behind it is (as ProxySQL polls {@code Seconds_Behind_Source}). */
    record LagProbe(long round) implements ReplMessages {}

    /**
     * A replica's answer: its {@code Seconds_Behind_Source} figure, the last position it applied and the node it
     * replicates from ({@code source}, null on a node that is no replica); {@code ready} false while it is still
     * loading a snapshot (or is no replica), when the lag means nothing.
     */
    record LagReport(long round, boolean ready, long lagNanos, long appliedPosition, NodeId source)
            implements ReplMessages {}

    /** To clients: {@code replica} now serves reads (an operator put it in the balancer's pool). */
    record ReplicaAdded(NodeId replica) implements ReplMessages {
        public ReplicaAdded {
            Objects.requireNonNull(replica, "replica");
        }
    }
}
