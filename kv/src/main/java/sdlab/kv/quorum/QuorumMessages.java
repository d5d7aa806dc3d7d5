package sdlab.kv.quorum;

import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * The whole protocol of the quorum store, in one place.
 *
 * <pre>
 * client -> coordinator   Write | Read
 * coordinator -> client   WriteOk | ReadOk | QuorumFailed (indefinite) | Rejected (definite)
 * coordinator -> replica  ReplicaWrite | HintedWrite | ReplicaRead | RepairPush
 * replica -> coordinator  WriteAck (after the disk sync) | ReadReply
 * hint holder -> owner    HandoffWrite
 * owner -> hint holder    HandoffAck (after the disk sync)
 * </pre>
 */
public final class QuorumMessages {
    private QuorumMessages() {}

    /** Every message of the quorum store. */
    public sealed interface QuorumMessage extends Message
            permits ClientRequest, ClientReply, ReplicaRequest, ReplicaReply, HandoffWrite, HandoffAck {}

    // ---- client <-> coordinator ----

    /** What a client asks a coordinator; {@code requestId} is unique per client. */
    public sealed interface ClientRequest extends QuorumMessage permits Write, Read {
        long requestId();

        String key();
    }

    /** Store {@code value} under {@code key}. */
    public record Write(long requestId, String key, Object value) implements ClientRequest {
        public Write {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Return the newest value of {@code key} that a read quorum knows (null if none). */
    public record Read(long requestId, String key) implements ClientRequest {
        public Read {
            Objects.requireNonNull(key, "key");
        }
    }

    /** What a coordinator answers; {@code requestId} echoes the request's. */
    public sealed interface ClientReply extends QuorumMessage permits WriteOk, ReadOk, QuorumFailed, Rejected {
        long requestId();
    }

    /** W replicas stored the write durably. */
    public record WriteOk(long requestId) implements ClientReply {}

    /** The newest value among R replies (after write-back, if configured). */
    public record ReadOk(long requestId, Object value) implements ClientReply {}

    /**
     * The coordinator gave up before reaching its quorum. Indefinite: some replicas may have
     * applied the write.
     */
    public record QuorumFailed(long requestId, String reason) implements ClientReply {}

    /** The coordinator refused the request before sending it anywhere. Definite: nothing applied. */
    public record Rejected(long requestId, String reason) implements ClientReply {}

    // ---- coordinator <-> replica ----

    /**
     * Names one coordinator operation. The epoch is the coordinator's start time, so that a
     * late reply to a previous life's request never matches a new request after a restart.
     */
    public record OpId(long epoch, long sequence) {}

    /** What a coordinator asks a replica. */
    public sealed interface ReplicaRequest extends QuorumMessage
            permits ReplicaWrite, HintedWrite, ReplicaRead, RepairPush {}

    /** Store this version if it is newer than yours; acknowledge once it is on disk. */
    public record ReplicaWrite(OpId op, String key, Versioned item) implements ReplicaRequest {}

    /**
     * A sloppy-quorum write meant for {@code intendedOwner}, which is believed down: keep it as
     * a hint, acknowledge once it is on disk, and hand it to the owner when it answers again.
     */
    public record HintedWrite(OpId op, String key, Versioned item, NodeId intendedOwner) implements ReplicaRequest {}

    /** Tell me your newest version of {@code key}. */
    public record ReplicaRead(OpId op, String key) implements ReplicaRequest {}

    /** Background read repair: store this version if it is newer than yours; no reply. */
    public record RepairPush(String key, Versioned item) implements ReplicaRequest {}

    /** What a replica answers a coordinator. */
    public sealed interface ReplicaReply extends QuorumMessage permits WriteAck, ReadReply {
        OpId op();
    }

    /** The write (or a newer version of the key) is durable here. */
    public record WriteAck(OpId op) implements ReplicaReply {}

    /**
     * This replica's newest version of the key, if any, and whether that version is already
     * synced to its disk (an unsynced one could still vanish in a crash).
     */
    public record ReadReply(OpId op, Optional<Versioned> item, boolean durable) implements ReplicaReply {}

    // ---- hinted handoff ----

    /** A hint holder delivers a write to the owner it was meant for. */
    public record HandoffWrite(String key, Versioned item) implements QuorumMessage {}

    /** The owner has the handed-off version (or a newer one) on disk; the hint can go. */
    public record HandoffAck(String key, Version version) implements QuorumMessage {}
}
