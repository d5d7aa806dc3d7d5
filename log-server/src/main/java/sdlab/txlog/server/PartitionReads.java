package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.AbortedTxn;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * Reads one partition through the txlog node, which decides how far a reader at an isolation level may read, where
 * the high watermark and last stable offset are, and which transactions aborted, and turns what it returns back into
 * record batches: each stored batch as the producer sent it, with its base offset set to where the node put it, and
 * each marker as a control batch.
 */
final class PartitionReads {
    /** The most records one read asks the node for; a batch the limit cuts is still returned whole. */
    static final int RECORDS_PER_READ_MAX = 10_000;

    /**
     * What a read found: batches (possibly none) or an error, the partition's marks (the first offset retention keeps,
     * the high watermark, the last stable offset), and for read_committed the aborted transactions among the batches.
     */
    record Read(
            short error,
            ByteBuf batches,
            long logStartOffset,
            long highWatermark,
            long lastStableOffset,
            List<AbortedTxn> aborted) {
        static Read failed(short error) {
            return new Read(error, null, -1, -1, -1, List.of());
        }

        boolean empty() {
            return batches == null || batches.readableBytes() == 0;
        }
    }

    private final NodeCalls node;

    PartitionReads(NodeCalls node) {
        this.node = node;
    }

    /**
     * The batches from {@code fetchOffset} on, up to about {@code bytesMax} (at least one batch when there is one):
     * data batches as the producers sent them, markers as control batches, aborted records included. The consumer
     * skips aborted records and markers itself, with the aborted transactions this read returns.
     */
    CompletableFuture<Read> read(TopicPartition tp, long fetchOffset, int bytesMax, IsolationLevel isolation) {
        return readLog(tp, fetchOffset, isolation).thenCompose(answer -> {
            if (!(answer instanceof TxLogMessages.LogRead log)) {
                return CompletableFuture.completedFuture(Read.failed(refusal(answer)));
            }
            if (fetchOffset < 0 || fetchOffset > log.highWatermark()) {
                return CompletableFuture.completedFuture(Read.failed(KafkaError.OFFSET_OUT_OF_RANGE));
            }
            int place = log.records().isEmpty()
                    ? 0
                    : StoredBatch.placeInBatch(log.records().get(0).value());
            if (place == 0) {
                return CompletableFuture.completedFuture(batches(log, bytesMax));
            }
            // The offset is inside a batch: Kafka returns the whole batch and the client skips what it has read.
            return readLog(tp, log.records().get(0).offset() - place, isolation)
                    .thenApply(again -> again instanceof TxLogMessages.LogRead whole
                            ? batches(whole, bytesMax)
                            : Read.failed(refusal(again)));
        });
    }

    /** The partition's marks only, as its leader knows them, and no records. */
    CompletableFuture<Read> marks(TopicPartition tp) {
        return node.call(id -> new TxLogMessages.ListOffsets(id, tp))
                .thenApply(answer -> answer instanceof TxLogMessages.OffsetsOk ok
                        ? new Read(
                                KafkaError.NONE,
                                null,
                                ok.logStartOffset(),
                                ok.highWatermark(),
                                ok.lastStableOffset(),
                                List.of())
                        : Read.failed(refusal(answer)));
    }

    /**
     * The Kafka error for the node's refusal: NOT_LEADER_OR_FOLLOWER from a broker that does not lead the partition,
     * OFFSET_OUT_OF_RANGE below the first offset retention keeps, UNKNOWN_TOPIC_OR_PARTITION otherwise.
     */
    private static short refusal(TxLogMessages.Response answer) {
        return answer instanceof TxLogMessages.FetchRefused refused
                ? KafkaError.of(refused.error())
                : KafkaError.UNKNOWN_TOPIC_OR_PARTITION;
    }

    private CompletableFuture<TxLogMessages.Response> readLog(
            TopicPartition tp, long offset, IsolationLevel isolation) {
        return node.call(id -> new TxLogMessages.ReadLog(id, tp, offset, RECORDS_PER_READ_MAX, isolation));
    }

    private static Read batches(TxLogMessages.LogRead log, int bytesMax) {
        ByteBuf out = Unpooled.buffer();
        long end = -1;
        for (LogRecord record : log.records()) {
            if (out.readableBytes() > 0 && out.readableBytes() >= bytesMax) {
                break;
            }
            if (record.isMarker()) {
                out.writeBytes(ControlBatch.of(record));
            } else if (StoredBatch.placeInBatch(record.value()) == 0) {
                out.writeBytes(RecordBatch.atOffset(StoredBatch.bytes(record.value()), record.offset()));
            }
            end = record.offset();
        }
        // Only the aborted transactions that start within what is sent: the consumer needs no others.
        long last = end;
        List<AbortedTxn> aborted = log.abortedTxns().stream()
                .filter(txn -> txn.firstOffset() <= last)
                .toList();
        return new Read(
                KafkaError.NONE, out, log.logStartOffset(), log.highWatermark(), log.lastStableOffset(), aborted);
    }
}
