package sdlab.txlog;

import java.util.List;
import java.util.Objects;
import sdlab.core.Message;

/**
 * Every message of the log, in one place: producing, fetching, and the transactional producer's calls to the
 * coordinator. Each request carries a {@code requestId} that its answer echoes. Every refusal is definite: the
 * request was certainly not applied.
 */
public sealed interface TxLogMessages extends Message {

    /** What clients send the broker. */
    sealed interface Request extends TxLogMessages {}

    /** What the broker answers. */
    sealed interface Response extends TxLogMessages {}

    // Producing.

    /**
     * Append {@code values} to a partition as one batch.
     *
     * @param producerId -1 for a plain producer (no idempotence, no sequence checks)
     * @param baseSequence the first record's sequence; the batch holds {@code baseSequence .. + values.size() - 1}
     * @param transactional whether the batch belongs to the producer's open transaction
     * @param acks when the leader answers; without replicas {@code ALL} and {@code LEADER} answer alike
     */
    record Produce(
            long requestId,
            TopicPartition partition,
            long producerId,
            short producerEpoch,
            int baseSequence,
            boolean transactional,
            List<String> values,
            Acks acks)
            implements Request {
        public Produce {
            Objects.requireNonNull(partition, "partition");
            Objects.requireNonNull(acks, "acks");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a batch holds at least one record");
            }
        }

        /** A batch with {@code acks=all}, Kafka's default since 3.0. */
        public Produce(
                long requestId,
                TopicPartition partition,
                long producerId,
                short producerEpoch,
                int baseSequence,
                boolean transactional,
                List<String> values) {
            this(requestId, partition, producerId, producerEpoch, baseSequence, transactional, values, Acks.ALL);
        }
    }

    /** The batch is in the log from {@code baseOffset}; {@code duplicate} when it was a retry already written. */
    record ProduceOk(long requestId, long baseOffset, boolean duplicate) implements Response {}

    /** The batch was not written. */
    record ProduceRefused(long requestId, ErrorCode error) implements Response {}

    // Fetching.

    /** Read a partition from {@code fetchOffset}, at most {@code recordsMax} records, at {@code isolation}. */
    record Fetch(long requestId, TopicPartition partition, long fetchOffset, int recordsMax, IsolationLevel isolation)
            implements Request {}

    /**
     * The records this reader may see (never a marker), and where to fetch next: past the last offset looked at,
     * which skips markers and aborted records, so offsets have gaps.
     */
    record FetchOk(
            long requestId,
            TopicPartition partition,
            List<LogRecord> records,
            long nextFetchOffset,
            long highWatermark,
            long lastStableOffset)
            implements Response {
        public FetchOk {
            records = List.copyOf(records);
        }
    }

    record FetchRefused(long requestId, ErrorCode error) implements Response {}

    /**
     * Read a partition as Kafka's broker hands it to a consumer, which filters for itself: every record from
     * {@code fetchOffset}, markers and aborted records included, up to the last stable offset for read_committed and
     * the high watermark for read_uncommitted. Answered with {@link LogRead} or {@link FetchRefused}.
     */
    record ReadLog(long requestId, TopicPartition partition, long fetchOffset, int recordsMax, IsolationLevel isolation)
            implements Request {}

    /**
     * The records of a {@link ReadLog}, and for read_committed the aborted transactions that overlap them (empty for
     * read_uncommitted), which is what a Kafka consumer needs to drop aborted records and skip markers itself; with the
     * partition's marks, the first offset retention still keeps among them.
     */
    record LogRead(
            long requestId,
            TopicPartition partition,
            List<LogRecord> records,
            List<AbortedTxn> abortedTxns,
            long highWatermark,
            long lastStableOffset,
            long logStartOffset)
            implements Response {
        public LogRead {
            records = List.copyOf(records);
            abortedTxns = List.copyOf(abortedTxns);
        }
    }

    /** Where a partition's log starts and how far it may be read, as Kafka's ListOffsets (earliest and latest). */
    record ListOffsets(long requestId, TopicPartition partition) implements Request {}

    /** The first offset still kept, the high watermark and the last stable offset, from the partition's leader. */
    record OffsetsOk(
            long requestId, TopicPartition partition, long logStartOffset, long highWatermark, long lastStableOffset)
            implements Response {}

    /** What this broker knows of a partition: its replicas, leader, leader epoch and in-sync set, as Metadata tells. */
    record DescribePartition(long requestId, TopicPartition partition) implements Request {}

    record PartitionDescribed(long requestId, PartitionState state) implements Response {
        public PartitionDescribed {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Create {@code topic} with {@code partitions} partitions, as a Metadata request that allows it does for a topic
     * the broker does not have (Kafka's {@code auto.create.topics.enable}). A topic that exists already is left as it
     * is; the answer gives its partition count either way.
     */
    record CreateTopic(long requestId, String topic, int partitions) implements Request {
        public CreateTopic {
            Objects.requireNonNull(topic, "topic");
            if (topic.isEmpty() || partitions < 1) {
                throw new IllegalArgumentException("a topic needs a name and at least one partition");
            }
        }
    }

    /** The topic exists now, with {@code partitions} partitions. */
    record TopicCreated(long requestId, String topic, int partitions) implements Response {}

    /** The topic was not created: a broker of a cluster takes its topics from the controller, named at start. */
    record TopicRefused(long requestId, String topic, String reason) implements Response {}

    // The coordinator.

    /**
     * Get a producer id. With a {@code transactionalId} the coordinator keeps the id and bumps its epoch, which
     * fences every earlier instance of that producer and aborts a transaction it left open; without one the producer
     * is merely idempotent.
     */
    record InitProducerId(long requestId, String transactionalId, long transactionTimeoutMs) implements Request {}

    record InitProducerIdOk(long requestId, long producerId, short producerEpoch) implements Response {}

    /** Add partitions to the producer's transaction, opening one if none is open; needed before writing to them. */
    record AddPartitionsToTxn(
            long requestId,
            String transactionalId,
            long producerId,
            short producerEpoch,
            List<TopicPartition> partitions)
            implements Request {
        public AddPartitionsToTxn {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * Add a consumer group's offsets to the producer's transaction (opening one if none is open): offsets the producer
     * then commits for {@code groupId} with {@link GroupMessages.TxnOffsetCommit} become the group's committed offsets
     * only if the transaction commits.
     */
    record AddOffsetsToTxn(long requestId, String transactionalId, long producerId, short producerEpoch, String groupId)
            implements Request {
        public AddOffsetsToTxn {
            Objects.requireNonNull(groupId, "groupId");
        }
    }

    /** Commit ({@code commit}) or abort the producer's open transaction. */
    record EndTxn(long requestId, String transactionalId, long producerId, short producerEpoch, boolean commit)
            implements Request {}

    /** The coordinator's answer to AddPartitionsToTxn, AddOffsetsToTxn and EndTxn, sent once the change is synced to its log. */
    record TxnOk(long requestId) implements Response {}

    record TxnRefused(long requestId, ErrorCode error) implements Response {}
}
