package sdlab.txlog;

import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator's record of one transactional id: its producer, epoch, state, and the partitions and consumer groups
 * it touched.
 */
final class TxnMetadata {
    final String transactionalId;
    final long producerId;
    final long timeoutMs;
    short epoch;
    TxnState state = TxnState.EMPTY;
    long startedAtNanos;
    final SortedSet<TopicPartition> partitions = new TreeSet<>();
    /** The consumer groups whose offsets the transaction commits (AddOffsetsToTxn). */
    final SortedSet<String> groups = new TreeSet<>();
    /**
     * While the transaction is decided but not complete: each partition whose leader has not yet confirmed its marker,
     * with the number of the latest attempt (0 before the first).
     */
    final SortedMap<TopicPartition, Long> markersUnconfirmed = new TreeMap<>();
    /** When the unconfirmed markers were last sent. */
    long markersSentAtNanos;

    TxnMetadata(String transactionalId, long producerId, long timeoutMs) {
        this.transactionalId = transactionalId;
        this.producerId = producerId;
        this.timeoutMs = timeoutMs;
    }

    /** Moves to {@code next}; a move the state machine forbids is a programming error. */
    void become(TxnState next) {
        if (!state.canBecome(next)) {
            throw new IllegalStateException(transactionalId + ": " + state + " cannot become " + next);
        }
        state = next;
    }

    /** The line the coordinator's state log keeps for this transaction now. */
    String logLine() {
        StringBuilder line = new StringBuilder("txn ")
                .append(transactionalId)
                .append(' ')
                .append(producerId)
                .append(' ')
                .append(epoch)
                .append(' ')
                .append(state)
                .append(' ')
                .append(timeoutMs);
        partitions.forEach(tp -> line.append(' ').append(tp));
        groups.forEach(group -> line.append(" group:").append(group));
        return line.append('\n').toString();
    }
}
