package sdlab.txlog;

import java.util.List;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * Every message between brokers and the controller, in one place. Brokers register and beat to the controller; the
 * controller tells each replica its partition's state; a leader asks the controller to change the in-sync set;
 * followers ask the leader where their epoch ended (to truncate) and then fetch from it, as Kafka's replica fetcher
 * does; a transaction coordinator asks each partition's leader to write its transaction's marker.
 */
public sealed interface ReplicationMessages extends Message {

    // Brokers and the controller.

    /**
     * A broker starts. After a restart ({@code restarted}) its log is empty, so the controller takes it out of every
     * in-sync set before it counts it alive again, as Kafka does with a new broker epoch.
     */
    record RegisterBroker(boolean restarted) implements ReplicationMessages {}

    /** A broker is alive. */
    record BrokerHeartbeat() implements ReplicationMessages {}

    /** The controller's decision about one partition, to each of its live replicas. */
    record LeaderAndIsr(PartitionState state) implements ReplicationMessages {
        public LeaderAndIsr {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A leader asks to set the in-sync set to {@code isr}; refused unless it still leads in {@code leaderEpoch} and the
     * controller is at {@code partitionEpoch} (Kafka's AlterPartition).
     */
    record AlterIsr(TopicPartition partition, int leaderEpoch, int partitionEpoch, List<NodeId> isr)
            implements ReplicationMessages {
        public AlterIsr {
            isr = List.copyOf(isr);
        }
    }

    /** The controller's answer to AlterIsr: the partition's state now, changed or not. */
    record AlterIsrAnswer(PartitionState state, boolean accepted) implements ReplicationMessages {}

    // Followers and their leader.

    /** Where did {@code epoch} end in the leader's log? Asked before fetching from a new leader (KIP-101, KIP-279). */
    record EpochEndOffset(TopicPartition partition, int leaderEpoch, int epoch) implements ReplicationMessages {}

    /**
     * The largest epoch at or below the one asked in the leader's log, and where it ended there; the follower truncates
     * to that offset or to where that epoch ends in its own log, whichever is lower.
     */
    record EpochEndOffsetOk(TopicPartition partition, int leaderEpoch, int epoch, long endOffset)
            implements ReplicationMessages {}

    /**
     * Fetch records from {@code fetchOffset}, which is also the follower's log end: the leader learns from it how far
     * the follower has got.
     */
    record ReplicaFetch(TopicPartition partition, int leaderEpoch, long fetchOffset, int recordsMax)
            implements ReplicationMessages {}

    /** Records from the fetch offset in whole batches, and the leader's high watermark and log start offset. */
    record ReplicaFetchOk(
            TopicPartition partition, int leaderEpoch, List<LogRecord> records, long highWatermark, long logStartOffset)
            implements ReplicationMessages {
        public ReplicaFetchOk {
            records = List.copyOf(records);
        }
    }

    /** The fetch or epoch question was refused: a stale or unknown epoch, not the leader, or an offset out of range. */
    record ReplicaRefused(TopicPartition partition, int leaderEpoch, ErrorCode error, long logStartOffset)
            implements ReplicationMessages {}

    // A transaction coordinator and the partition leaders (Kafka's WriteTxnMarkers).

    /**
     * Write the commit ({@code commit}) or abort marker of producer {@code producerId}'s transaction into
     * {@code partition}, which the receiver leads. {@code markerId} is the coordinator's number for this attempt; the
     * answer carries it back, so a late answer to an earlier attempt is told apart.
     */
    record WriteTxnMarker(long markerId, TopicPartition partition, long producerId, short producerEpoch, boolean commit)
            implements ReplicationMessages {}

    /**
     * The leader's answer to a marker: {@code written} once the marker is below its high watermark (on every in-sync
     * replica, as Kafka writes markers with acks=all); not written when the receiver does not lead the partition, and
     * the coordinator tries the leader it hears of next.
     */
    record WriteTxnMarkerAnswer(long markerId, TopicPartition partition, boolean written)
            implements ReplicationMessages {}
}
