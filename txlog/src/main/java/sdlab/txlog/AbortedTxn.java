package sdlab.txlog;

/**
 * An entry of a partition's aborted-transactions index: the producer's records from {@code firstOffset} up to its
 * abort marker at {@code markerOffset} belong to a transaction that aborted. Kafka sends a consumer the producer id
 * and first offset of each one that overlaps what it fetched, and the consumer skips those records itself.
 */
public record AbortedTxn(long producerId, long firstOffset, long markerOffset) {
    boolean covers(LogRecord record) {
        return record.producerId() == producerId && record.offset() >= firstOffset && record.offset() < markerOffset;
    }
}
