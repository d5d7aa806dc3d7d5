package sdlab.txlog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What one partition remembers of one producer: its epoch, the last five batches it wrote (a retry of one of them is
 * answered with its original offset, as Kafka does), and the first offset of its open transaction here, if any.
 */
final class ProducerState {
    /** Kafka keeps five: a producer has at most five batches in flight per partition with idempotence on. */
    static final int BATCHES_REMEMBERED = 5;

    /** A batch written: its sequences and where it went. */
    record Batch(int firstSequence, int lastSequence, long baseOffset) {}

    /** Whether a batch may be written, is a retry of one already written, or is refused. */
    sealed interface Check {
        record Append() implements Check {}

        record Duplicate(long baseOffset) implements Check {}

        record Refuse(ErrorCode error) implements Check {}
    }

    short epoch;
    long openTxnFirstOffset = -1;
    private final Deque<Batch> batches = new ArrayDeque<>(BATCHES_REMEMBERED);

    ProducerState(short epoch) {
        this.epoch = epoch;
    }

    /** Checks a batch of sequences {@code first .. last} at {@code batchEpoch}. */
    Check check(short batchEpoch, int first, int last) {
        if (batchEpoch < epoch) {
            return new Check.Refuse(ErrorCode.INVALID_PRODUCER_EPOCH);
        }
        if (batchEpoch > epoch) {
            // A new epoch starts its sequences again at 0.
            return first == 0 ? new Check.Append() : new Check.Refuse(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
        }
        Optional<Batch> same = batches.stream()
                .filter(b -> b.firstSequence() == first && b.lastSequence() == last)
                .findFirst();
        if (same.isPresent()) {
            return new Check.Duplicate(same.get().baseOffset());
        }
        int expected = batches.isEmpty() ? 0 : batches.peekLast().lastSequence() + 1;
        return first == expected ? new Check.Append() : new Check.Refuse(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    }

    /** Records a batch written at {@code batchEpoch}; a newer epoch forgets the older epoch's batches. */
    void written(short batchEpoch, Batch batch) {
        if (batchEpoch > epoch) {
            epoch = batchEpoch;
            batches.clear();
        }
        if (batches.size() == BATCHES_REMEMBERED) {
            batches.removeFirst();
        }
        batches.addLast(batch);
    }

    /** A marker at {@code markerEpoch} closes the transaction and fences every older epoch here. */
    void ended(short markerEpoch) {
        if (markerEpoch > epoch) {
            epoch = markerEpoch;
            batches.clear();
        }
        openTxnFirstOffset = -1;
    }
}
