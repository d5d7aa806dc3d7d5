package sdlab.txlog;

/** How far a fetch may read, as Kafka's {@code isolation.level}. */
public enum IsolationLevel {
    /** Up to the high watermark: every record, committed, aborted or of a transaction still open. */
    READ_UNCOMMITTED,
    /** Up to the last stable offset, skipping aborted transactions' records and every marker. */
    READ_COMMITTED
}
