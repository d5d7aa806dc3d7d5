package sdlab.txlog;

/**
 * One record at its offset. A control record is a transaction's commit or abort marker: it takes an offset, as in
 * Kafka, so a read_committed reader sees a gap there and never the marker itself.
 *
 * @param producerId -1 for a producer without idempotence
 * @param sequence the record's sequence number in its producer's stream for this partition, -1 if none
 * @param control COMMIT or ABORT for a marker, NONE for data
 * @param value the data; empty for a marker
 * @param appendedAtNanos the leader's clock when it appended the record; followers keep it, so retention by time
 *     deletes the same records everywhere
 * @param leaderEpoch the leader epoch in which the record was appended (Kafka's partition leader epoch of its batch);
 *     followers rebuild their leader-epoch cache from it, which is what lets them truncate a divergent suffix
 * @param batchBaseOffset the offset of the first record of the batch this record came in; followers regroup the
 *     records into the producer's batches with it, so that they remember the same batches as the leader
 */
public record LogRecord(
        long offset,
        long producerId,
        short producerEpoch,
        int sequence,
        boolean transactional,
        Control control,
        String value,
        long appendedAtNanos,
        int leaderEpoch,
        long batchBaseOffset) {

    /** What a record is: data, or one of the two markers. */
    public enum Control {
        NONE,
        COMMIT,
        ABORT
    }

    public boolean isMarker() {
        return control != Control.NONE;
    }
}
