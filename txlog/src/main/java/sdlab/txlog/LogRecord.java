package sdlab.txlog;

/**
 * One record at its offset. A control record is a transaction's commit or abort marker: it takes an offset, as in
 * Kafka, so a read_committed reader sees a gap there and never the marker itself.
 *
 * @param producerId -1 for a producer without idempotence
 * @param sequence the record's sequence number in its producer's stream for this partition, -1 if none
 * @param control COMMIT or ABORT for a marker, NONE for data
 * @param value the data; empty for a marker
 * @param appendedAtNanos the broker's clock when it appended the record
 */
public record LogRecord(
        long offset,
        long producerId,
        short producerEpoch,
        int sequence,
        boolean transactional,
        Control control,
        String value,
        long appendedAtNanos) {

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
