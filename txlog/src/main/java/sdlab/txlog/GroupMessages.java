package sdlab.txlog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.Message;

/**
 * The consumer-group messages of the log, in one place: Kafka's classic group protocol (join, sync, heartbeat, leave)
 * and committed offsets. Each request carries a {@code requestId} that its answer echoes. A group's member metadata
 * and assignments are the consumers' own bytes: the coordinator passes them along without reading them, as Kafka's
 * does, so the partition assignment is decided by the group's leader, a client. Maps and sets are kept sorted: a
 * trace prints these messages, and {@code Map.copyOf} iterates in an order that changes from one JVM to the next.
 */
public sealed interface GroupMessages extends Message {

    /** What consumers send the group coordinator. */
    sealed interface Request extends GroupMessages {}

    /** What the group coordinator answers. */
    sealed interface Response extends GroupMessages {
        long requestId();
    }

    /** An assignment protocol a member can use ("range", "cooperative-sticky"...) and its metadata for it. */
    record Protocol(String name, byte[] metadata) {}

    /** A member as the leader sees it when it computes the assignment. */
    record Member(String memberId, byte[] metadata) {}

    /** Join (or rejoin) {@code groupId}; an empty {@code memberId} asks for a new one. */
    record JoinGroup(
            long requestId,
            String groupId,
            String memberId,
            int sessionTimeoutMs,
            int rebalanceTimeoutMs,
            List<Protocol> protocols)
            implements Request {
        public JoinGroup {
            Objects.requireNonNull(groupId, "groupId");
            protocols = List.copyOf(protocols);
        }
    }

    /** The rebalance is done: the new generation, and for the leader only, every member to assign partitions to. */
    record JoinGroupOk(
            long requestId, int generation, String protocolName, String leaderId, String memberId, List<Member> members)
            implements Response {
        public JoinGroupOk {
            members = List.copyOf(members);
        }
    }

    /** Ask for this member's assignment; the leader sends everyone's. */
    record SyncGroup(long requestId, String groupId, int generation, String memberId, Map<String, byte[]> assignments)
            implements Request {
        public SyncGroup {
            assignments = Collections.unmodifiableSortedMap(new TreeMap<>(assignments));
        }
    }

    record SyncGroupOk(long requestId, byte[] assignment) implements Response {}

    /** I am alive; the answer says whether a rebalance wants me to rejoin. */
    record Heartbeat(long requestId, String groupId, int generation, String memberId) implements Request {}

    record LeaveGroup(long requestId, String groupId, String memberId) implements Request {}

    /**
     * Commit offsets (the next offset to read) for the group, each with the application's metadata string (absent:
     * empty). A consumer that assigns its own partitions commits with generation -1 and no member id, and is not
     * checked against the group's members.
     */
    record CommitOffsets(
            long requestId,
            String groupId,
            int generation,
            String memberId,
            Map<TopicPartition, Long> offsets,
            Map<TopicPartition, String> metadata)
            implements Request {
        public CommitOffsets {
            offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
            metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        }

        /** Offsets without metadata. */
        public CommitOffsets(
                long requestId, String groupId, int generation, String memberId, Map<TopicPartition, Long> offsets) {
            this(requestId, groupId, generation, memberId, offsets, Map.of());
        }
    }

    /**
     * Offsets a transactional producer commits for the group inside its open transaction (after AddOffsetsToTxn).
     * They stay pending, invisible to {@link FetchOffsets}, until the transaction commits; an abort drops them. A
     * consumer's generation and member id, when given, are checked as for {@link CommitOffsets}.
     */
    record TxnOffsetCommit(
            long requestId,
            String transactionalId,
            String groupId,
            long producerId,
            short producerEpoch,
            int generation,
            String memberId,
            Map<TopicPartition, Long> offsets,
            Map<TopicPartition, String> metadata)
            implements Request {
        public TxnOffsetCommit {
            Objects.requireNonNull(groupId, "groupId");
            offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
            metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        }

        /** Offsets without metadata. */
        public TxnOffsetCommit(
                long requestId,
                String transactionalId,
                String groupId,
                long producerId,
                short producerEpoch,
                int generation,
                String memberId,
                Map<TopicPartition, Long> offsets) {
            this(
                    requestId,
                    transactionalId,
                    groupId,
                    producerId,
                    producerEpoch,
                    generation,
                    memberId,
                    offsets,
                    Map.of());
        }
    }

    /** The group's committed offsets for {@code partitions} (every committed one when empty). */
    record FetchOffsets(long requestId, String groupId, List<TopicPartition> partitions) implements Request {
        public FetchOffsets {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Committed offsets; a partition never committed is absent. {@code unstable}: the partitions asked for that an open
     * transaction holds pending offsets for, which a reader that wants stable offsets (Kafka's read_committed
     * consumer) waits out. {@code metadata}: the string committed with each offset (empty when none was).
     */
    record OffsetsOk(
            long requestId,
            Map<TopicPartition, Long> offsets,
            Set<TopicPartition> unstable,
            Map<TopicPartition, String> metadata)
            implements Response {
        public OffsetsOk {
            offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
            unstable = Collections.unmodifiableSortedSet(new TreeSet<>(unstable));
            metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        }

        public OffsetsOk(long requestId, Map<TopicPartition, Long> offsets, Set<TopicPartition> unstable) {
            this(requestId, offsets, unstable, Map.of());
        }

        public OffsetsOk(long requestId, Map<TopicPartition, Long> offsets) {
            this(requestId, offsets, Set.of());
        }
    }

    /** The answer to a Heartbeat, LeaveGroup, CommitOffsets or TxnOffsetCommit that was applied. */
    record GroupOk(long requestId) implements Response {}

    /** The request was not applied. */
    record GroupRefused(long requestId, GroupError error) implements Response {}

    /** Why a group request was refused; names follow Kafka's error codes. */
    enum GroupError {
        UNKNOWN_MEMBER_ID,
        ILLEGAL_GENERATION,
        REBALANCE_IN_PROGRESS,
        INCONSISTENT_GROUP_PROTOCOL,
        GROUP_MAX_SIZE_REACHED,
        /** A transactional commit from a producer the transaction coordinator does not know under that id. */
        UNKNOWN_PRODUCER_ID,
        /** A transactional commit from a fenced (older) producer epoch. */
        INVALID_PRODUCER_EPOCH,
        /** A transactional commit for a group not added to the producer's open transaction. */
        INVALID_TXN_STATE
    }
}
