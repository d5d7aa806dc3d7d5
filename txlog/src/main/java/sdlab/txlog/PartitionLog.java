package sdlab.txlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.txlog.LogRecord.Control;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * One partition: an append-only list of records, what it remembers of each producer, and its aborted-transactions
 * index. With one replica the high watermark is the log end; the last stable offset is the first offset of the
 * oldest transaction still open here, or the high watermark when none is.
 */
final class PartitionLog {
    /** What an append did. */
    sealed interface Appended {
        record Written(long baseOffset, boolean duplicate) implements Appended {}

        record Refused(ErrorCode error) implements Appended {}
    }

    /** What a fetch found. */
    record Read(List<LogRecord> records, long nextFetchOffset) {}

    private final TopicPartition id;
    private final int recordsMax;
    private final List<LogRecord> records = new ArrayList<>();
    private final Map<Long, ProducerState> producers = new TreeMap<>();
    private final List<AbortedTxn> abortedIndex = new ArrayList<>();

    PartitionLog(TopicPartition id, int recordsMax) {
        this.id = id;
        this.recordsMax = recordsMax;
    }

    TopicPartition id() {
        return id;
    }

    long logEndOffset() {
        return records.size();
    }

    /** With a single replica every appended record is replicated as far as it will be. */
    long highWatermark() {
        return logEndOffset();
    }

    long lastStableOffset() {
        long lso = highWatermark();
        for (ProducerState producer : producers.values()) {
            if (producer.openTxnFirstOffset >= 0) {
                lso = Math.min(lso, producer.openTxnFirstOffset);
            }
        }
        return lso;
    }

    /** Appends a batch after its producer's epoch and sequence checks (none for a plain producer, id -1). */
    Appended append(TxLogMessages.Produce batch, long nowNanos) {
        if (records.size() + batch.values().size() > recordsMax) {
            return new Appended.Refused(ErrorCode.PARTITION_FULL);
        }
        int lastSequence = batch.baseSequence() + batch.values().size() - 1;
        ProducerState producer = null;
        if (batch.producerId() >= 0) {
            producer = producers.computeIfAbsent(batch.producerId(), pid -> new ProducerState((short) -1));
            switch (producer.check(batch.producerEpoch(), batch.baseSequence(), lastSequence)) {
                case ProducerState.Check.Append append -> {}
                case ProducerState.Check.Duplicate duplicate -> {
                    return new Appended.Written(duplicate.baseOffset(), true);
                }
                case ProducerState.Check.Refuse refuse -> {
                    return new Appended.Refused(refuse.error());
                }
            }
        }
        long baseOffset = logEndOffset();
        for (int i = 0; i < batch.values().size(); i++) {
            int sequence = batch.producerId() >= 0 ? batch.baseSequence() + i : -1;
            records.add(new LogRecord(
                    baseOffset + i,
                    batch.producerId(),
                    batch.producerEpoch(),
                    sequence,
                    batch.transactional(),
                    Control.NONE,
                    batch.values().get(i),
                    nowNanos));
        }
        if (producer != null) {
            producer.written(
                    batch.producerEpoch(), new ProducerState.Batch(batch.baseSequence(), lastSequence, baseOffset));
            if (batch.transactional() && producer.openTxnFirstOffset < 0) {
                producer.openTxnFirstOffset = baseOffset;
            }
        }
        return new Appended.Written(baseOffset, false);
    }

    /**
     * Writes a transaction's marker; an abort adds the transaction's range to the aborted index. A marker takes an
     * offset even when the producer wrote nothing here, as in Kafka, and it is never refused for lack of room: a
     * transaction must be able to end.
     */
    void writeMarker(long producerId, short epoch, boolean commit, long nowNanos) {
        ProducerState producer = producers.computeIfAbsent(producerId, pid -> new ProducerState(epoch));
        long markerOffset = logEndOffset();
        if (!commit && producer.openTxnFirstOffset >= 0) {
            abortedIndex.add(new AbortedTxn(producerId, producer.openTxnFirstOffset, markerOffset));
        }
        records.add(new LogRecord(
                markerOffset, producerId, epoch, -1, true, commit ? Control.COMMIT : Control.ABORT, "", nowNanos));
        producer.ended(epoch);
    }

    /**
     * Reads from {@code fetchOffset}: read_uncommitted up to the high watermark, read_committed up to the last stable
     * offset without aborted records. Markers are never returned; the next fetch offset passes over them.
     */
    Read fetch(long fetchOffset, int recordsMax, IsolationLevel isolation, Bug bug) {
        boolean committedOnly = isolation == IsolationLevel.READ_COMMITTED;
        long limit = committedOnly && bug != Bug.READ_COMMITTED_PAST_LSO ? lastStableOffset() : highWatermark();
        boolean skipAborted = committedOnly && bug != Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX;
        List<LogRecord> out = new ArrayList<>();
        long next = Math.max(0, fetchOffset);
        while (next < limit && out.size() < recordsMax) {
            LogRecord record = records.get((int) next);
            next++;
            if (!record.isMarker() && !(skipAborted && aborted(record))) {
                out.add(record);
            }
        }
        return new Read(out, next);
    }

    /**
     * The log as Kafka's broker sends it: every record from {@code fetchOffset}, markers and aborted ones included, up
     * to the last stable offset for read_committed (the high watermark for read_uncommitted), and for read_committed
     * the aborted transactions whose range overlaps what was read, so the reader can drop their records itself.
     */
    TxLogMessages.LogRead readLog(TxLogMessages.ReadLog read, Bug bug) {
        boolean committedOnly = read.isolation() == IsolationLevel.READ_COMMITTED;
        long limit = committedOnly && bug != Bug.READ_COMMITTED_PAST_LSO ? lastStableOffset() : highWatermark();
        long from = Math.max(0, read.fetchOffset());
        long end = Math.min(limit, from + read.recordsMax());
        List<LogRecord> out = from < end ? List.copyOf(records.subList((int) from, (int) end)) : List.of();
        List<AbortedTxn> aborted = new ArrayList<>();
        if (committedOnly && bug != Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX) {
            for (AbortedTxn txn : abortedIndex) {
                if (txn.markerOffset() >= from && txn.firstOffset() < end) {
                    aborted.add(txn);
                }
            }
        }
        return new TxLogMessages.LogRead(read.requestId(), id, out, aborted, highWatermark(), lastStableOffset());
    }

    private boolean aborted(LogRecord record) {
        if (!record.transactional()) {
            return false;
        }
        for (AbortedTxn txn : abortedIndex) {
            if (txn.covers(record)) {
                return true;
            }
        }
        return false;
    }

    /** Every record, markers included, for tests and experiments that look at the whole log. */
    List<LogRecord> records() {
        return List.copyOf(records);
    }
}
