package sdlab.txlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.txlog.LogRecord.Control;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * One replica of one partition: an append-only list of records from the log start offset, what it remembers of each
 * producer, its aborted-transactions index and its leader-epoch cache. The high watermark is set from outside (by the
 * leader from its in-sync replicas' log ends, by a follower from the leader's answers); the last stable offset is the
 * first offset of the oldest transaction still open here, or the high watermark when none is.
 *
 * <p>Records come in batches, on the leader from a producer and on a follower from the leader's log, and both go
 * through {@link #addBatch}, so that a follower remembers the same producers' batches as its leader and can answer a
 * retry as a duplicate once it leads.
 */
final class PartitionLog {
    /** What an append did. */
    sealed interface Appended {
        record Written(long baseOffset, long lastOffset, boolean duplicate) implements Appended {}

        record Refused(ErrorCode error) implements Appended {}
    }

    /** What a fetch found. */
    record Read(List<LogRecord> records, long nextFetchOffset) {}

    private final TopicPartition id;
    private final int recordsMax;
    private final List<LogRecord> records = new ArrayList<>();
    private final Map<Long, ProducerState> producers = new TreeMap<>();
    private final List<AbortedTxn> abortedIndex = new ArrayList<>();
    private final LeaderEpochCache epochs = new LeaderEpochCache();
    private long logStartOffset;
    private long highWatermark;

    PartitionLog(TopicPartition id, int recordsMax) {
        this.id = id;
        this.recordsMax = recordsMax;
    }

    TopicPartition id() {
        return id;
    }

    long logStartOffset() {
        return logStartOffset;
    }

    long logEndOffset() {
        return logStartOffset + records.size();
    }

    long highWatermark() {
        return highWatermark;
    }

    /** Sets the high watermark, kept between the log start and the log end. */
    void highWatermark(long offset) {
        highWatermark = Math.max(logStartOffset, Math.min(offset, logEndOffset()));
    }

    LeaderEpochCache epochs() {
        return epochs;
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

    /**
     * Appends a producer's batch in {@code leaderEpoch} after its producer's epoch and sequence checks (none for a
     * plain producer, id -1). A retry of a batch already here is answered with where it went, not written again.
     */
    Appended append(TxLogMessages.Produce batch, long nowNanos, int leaderEpoch) {
        if (records.size() + batch.values().size() > recordsMax) {
            return new Appended.Refused(ErrorCode.PARTITION_FULL);
        }
        int lastSequence = batch.baseSequence() + batch.values().size() - 1;
        if (batch.producerId() >= 0) {
            ProducerState producer =
                    producers.computeIfAbsent(batch.producerId(), pid -> new ProducerState((short) -1));
            switch (producer.check(batch.producerEpoch(), batch.baseSequence(), lastSequence)) {
                case ProducerState.Check.Append append -> {}
                case ProducerState.Check.Duplicate duplicate -> {
                    long base = duplicate.baseOffset();
                    return new Appended.Written(base, base + batch.values().size() - 1, true);
                }
                case ProducerState.Check.Refuse refuse -> {
                    return new Appended.Refused(refuse.error());
                }
            }
        }
        long baseOffset = logEndOffset();
        List<LogRecord> out = new ArrayList<>(batch.values().size());
        for (int i = 0; i < batch.values().size(); i++) {
            int sequence = batch.producerId() >= 0 ? batch.baseSequence() + i : -1;
            out.add(new LogRecord(
                    baseOffset + i,
                    batch.producerId(),
                    batch.producerEpoch(),
                    sequence,
                    batch.transactional(),
                    Control.NONE,
                    batch.values().get(i),
                    nowNanos,
                    leaderEpoch,
                    baseOffset));
        }
        addBatch(out);
        return new Appended.Written(baseOffset, logEndOffset() - 1, false);
    }

    /**
     * Writes a transaction's marker; an abort adds the transaction's range to the aborted index. A marker takes an
     * offset even when the producer wrote nothing here, as in Kafka, and it is never refused for lack of room: a
     * transaction must be able to end.
     */
    void writeMarker(long producerId, short epoch, boolean commit, long nowNanos, int leaderEpoch) {
        long markerOffset = logEndOffset();
        addBatch(List.of(new LogRecord(
                markerOffset,
                producerId,
                epoch,
                -1,
                true,
                commit ? Control.COMMIT : Control.ABORT,
                "",
                nowNanos,
                leaderEpoch,
                markerOffset)));
    }

    /**
     * Appends the leader's records as they are, batch by batch, on a follower. The records continue this log: the
     * follower fetched from its log end.
     */
    void appendReplicated(List<LogRecord> fetched) {
        int from = 0;
        while (from < fetched.size()) {
            long base = fetched.get(from).batchBaseOffset();
            int to = from;
            while (to < fetched.size() && fetched.get(to).batchBaseOffset() == base) {
                to++;
            }
            addBatch(fetched.subList(from, to));
            from = to;
        }
    }

    /** The one way records enter the log: the batch is added, its epoch noted, and its producer's state updated. */
    private void addBatch(List<LogRecord> batch) {
        LogRecord first = batch.getFirst();
        if (first.offset() != logEndOffset()) {
            throw new IllegalStateException(
                    id + ": a batch at " + first.offset() + " does not continue the log at " + logEndOffset());
        }
        epochs.assign(first.leaderEpoch(), first.offset());
        records.addAll(batch);
        track(batch);
    }

    /** What a batch tells this replica about its producer: sequences written, a transaction opened or ended. */
    private void track(List<LogRecord> batch) {
        LogRecord first = batch.getFirst();
        if (first.producerId() < 0) {
            return;
        }
        ProducerState producer = producers.computeIfAbsent(first.producerId(), pid -> new ProducerState((short) -1));
        if (first.isMarker()) {
            if (first.control() == Control.ABORT && producer.openTxnFirstOffset >= 0) {
                abortedIndex.add(new AbortedTxn(first.producerId(), producer.openTxnFirstOffset, first.offset()));
            }
            producer.ended(first.producerEpoch());
            return;
        }
        LogRecord last = batch.getLast();
        producer.written(
                first.producerEpoch(), new ProducerState.Batch(first.sequence(), last.sequence(), first.offset()));
        if (first.transactional() && producer.openTxnFirstOffset < 0) {
            producer.openTxnFirstOffset = first.offset();
        }
    }

    /**
     * Cuts the log at {@code offset}: a follower drops the suffix it does not share with its new leader. The producers'
     * state and the aborted index are rebuilt from what is left, as Kafka rebuilds them from its log.
     */
    void truncateTo(long offset) {
        if (offset >= logEndOffset()) {
            return;
        }
        long keep = Math.max(offset, logStartOffset);
        records.subList((int) (keep - logStartOffset), records.size()).clear();
        epochs.truncateFromEnd(keep);
        highWatermark = Math.min(highWatermark, keep);
        rebuildProducerState();
    }

    /** Empties the log, which starts again at {@code newStart}: a follower that fell below its leader's log start. */
    void restartAt(long newStart) {
        records.clear();
        epochs.clear();
        logStartOffset = newStart;
        highWatermark = newStart;
        rebuildProducerState();
    }

    private void rebuildProducerState() {
        producers.clear();
        abortedIndex.clear();
        int from = 0;
        while (from < records.size()) {
            long base = records.get(from).batchBaseOffset();
            int to = from;
            while (to < records.size() && records.get(to).batchBaseOffset() == base) {
                to++;
            }
            track(records.subList(from, to));
            from = to;
        }
    }

    /**
     * Deletes whole batches from the front, oldest first, while the log holds more value bytes than the retention
     * allows or its oldest batch is older than it allows, never past the last stable offset. Returns how many records
     * went.
     */
    int applyRetention(Retention retention, long nowNanos) {
        if (!retention.limited()) {
            return 0;
        }
        long bytes = 0;
        for (LogRecord record : records) {
            bytes += valueBytes(record);
        }
        int deleted = 0;
        long limit = lastStableOffset();
        while (deleted < records.size()) {
            int batchEnd = batchEnd(deleted);
            long batchBytes = 0;
            for (int i = deleted; i < batchEnd; i++) {
                batchBytes += valueBytes(records.get(i));
            }
            boolean tooBig = retention.bytesMax() >= 0 && bytes > retention.bytesMax();
            long ageNanos = nowNanos - records.get(batchEnd - 1).appendedAtNanos();
            boolean tooOld = retention.ageMsMax() >= 0 && ageNanos > retention.ageMsMax() * 1_000_000L;
            if (!(tooBig || tooOld) || logStartOffset + batchEnd > limit) {
                break;
            }
            bytes -= batchBytes;
            deleted = batchEnd;
        }
        deleteBelow(logStartOffset + deleted);
        return deleted;
    }

    /** Moves the log start to {@code offset}, deleting what is below it; a follower follows its leader's log start. */
    void deleteBelow(long offset) {
        if (offset <= logStartOffset) {
            return;
        }
        if (offset > logEndOffset()) {
            restartAt(offset);
            return;
        }
        records.subList(0, (int) (offset - logStartOffset)).clear();
        logStartOffset = offset;
        highWatermark = Math.max(highWatermark, offset);
        abortedIndex.removeIf(txn -> txn.markerOffset() < offset);
    }

    private int batchEnd(int index) {
        long base = records.get(index).batchBaseOffset();
        int end = index;
        while (end < records.size() && records.get(end).batchBaseOffset() == base) {
            end++;
        }
        return end;
    }

    private static long valueBytes(LogRecord record) {
        return record.value().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The leader's records from {@code fetchOffset} for a follower, up to its log end (not the high watermark: the
     * follower's copy is what moves the high watermark), in whole batches of at least {@code recordsMax} records.
     */
    List<LogRecord> readForFollower(long fetchOffset, int recordsMax) {
        if (fetchOffset < logStartOffset || fetchOffset >= logEndOffset()) {
            return List.of();
        }
        int from = (int) (fetchOffset - logStartOffset);
        int to = from;
        while (to < records.size() && to - from < recordsMax) {
            to = batchEnd(to);
        }
        return List.copyOf(records.subList(from, to));
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
        long next = Math.max(logStartOffset, fetchOffset);
        while (next < limit && out.size() < recordsMax) {
            LogRecord record = records.get((int) (next - logStartOffset));
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
        long from = Math.max(logStartOffset, read.fetchOffset());
        long end = Math.min(limit, from + read.recordsMax());
        List<LogRecord> out = from < end
                ? List.copyOf(records.subList((int) (from - logStartOffset), (int) (end - logStartOffset)))
                : List.of();
        List<AbortedTxn> aborted = new ArrayList<>();
        if (committedOnly && bug != Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX) {
            for (AbortedTxn txn : abortedIndex) {
                if (txn.markerOffset() >= from && txn.firstOffset() < end) {
                    aborted.add(txn);
                }
            }
        }
        return new TxLogMessages.LogRead(
                read.requestId(), id, out, aborted, highWatermark(), lastStableOffset(), logStartOffset());
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

    /** Every record still kept, markers included, for tests and experiments that look at the whole log. */
    List<LogRecord> records() {
        return List.copyOf(records);
    }
}
