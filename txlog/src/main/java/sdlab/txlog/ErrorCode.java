package sdlab.txlog;

/**
 * Why a request was refused; every one but NOT_ENOUGH_REPLICAS_AFTER_APPEND means "certainly not applied". Names
 * follow Kafka's error codes.
 */
public enum ErrorCode {
    UNKNOWN_TOPIC_OR_PARTITION,
    /** The producer's epoch is older than the one the broker knows: a newer instance has fenced it. */
    INVALID_PRODUCER_EPOCH,
    /** The batch's sequence leaves a gap, or repeats a batch older than the five the broker remembers. */
    OUT_OF_ORDER_SEQUENCE_NUMBER,
    UNKNOWN_PRODUCER_ID,
    /** The request does not fit the transaction's state (a write to a partition not added, an end with none open). */
    INVALID_TXN_STATE,
    /** The transaction timeout asked for is not between 1 ms and the broker's maximum. */
    INVALID_TRANSACTION_TIMEOUT,
    /** The coordinator holds its maximum number of transactional ids. */
    COORDINATOR_FULL,
    /** The transaction is ending; try again once it has completed. */
    CONCURRENT_TRANSACTIONS,
    /** The partition holds its maximum number of records. */
    PARTITION_FULL,
    /** This broker does not lead the partition (it follows, or holds no replica); ask the leader. */
    NOT_LEADER_OR_FOLLOWER,
    /** An {@code acks=all} produce, refused before the append: fewer replicas are in sync than the minimum. */
    NOT_ENOUGH_REPLICAS,
    /**
     * The one refusal that is not definite: the batch was appended, but the in-sync set shrank below the minimum
     * before the high watermark passed it. It may survive or be lost; a retry of an idempotent producer is safe.
     */
    NOT_ENOUGH_REPLICAS_AFTER_APPEND,
    /** The fetch offset is below the log start offset (retention deleted it) or past the log end. */
    OFFSET_OUT_OF_RANGE,
    /** The request carries an older leader epoch than this replica knows: the sender's view is stale. */
    FENCED_LEADER_EPOCH,
    /** The request carries a newer leader epoch than this replica knows: this replica has not heard of it yet. */
    UNKNOWN_LEADER_EPOCH
}
