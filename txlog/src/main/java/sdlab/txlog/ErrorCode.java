package sdlab.txlog;

/** Why a request was refused; every one means "certainly not applied". Names follow Kafka's error codes. */
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
    PARTITION_FULL
}
