package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.LogRecord;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * Reads one partition through the txlog node, which decides what a reader at an isolation level may see and where
 * the high watermark and last stable offset are, and turns what it returns back into record batches: each stored
 * batch as the producer sent it, with its base offset set to where the node put it.
 */
final class PartitionReads {
    /** The most records one read asks the node for; a batch the limit cuts is still returned whole. */
    static final int RECORDS_PER_READ_MAX = 10_000;

    /** What a read found: batches (possibly none) or an error, and the partition's marks. */
    record Read(short error, ByteBuf batches, long highWatermark, long lastStableOffset) {
        static Read failed(short error) {
            return new Read(error, null, -1, -1);
        }

        boolean empty() {
            return batches == null || batches.readableBytes() == 0;
        }
    }

    private final NodeCalls node;

    PartitionReads(NodeCalls node) {
        this.node = node;
    }

    /** The batches from {@code fetchOffset} on, up to about {@code bytesMax} (at least one batch when there is one). */
    CompletableFuture<Read> read(TopicPartition tp, long fetchOffset, int bytesMax, IsolationLevel isolation) {
        return ask(tp, fetchOffset, isolation).thenCompose(answer -> {
            if (!(answer instanceof TxLogMessages.FetchOk ok)) {
                return CompletableFuture.completedFuture(Read.failed(KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
            }
            if (fetchOffset < 0 || fetchOffset > ok.highWatermark()) {
                return CompletableFuture.completedFuture(Read.failed(KafkaError.OFFSET_OUT_OF_RANGE));
            }
            int place = ok.records().isEmpty()
                    ? 0
                    : StoredBatch.placeInBatch(ok.records().get(0).value());
            if (place == 0) {
                return CompletableFuture.completedFuture(batches(ok, bytesMax));
            }
            // The offset is inside a batch: Kafka returns the whole batch and the client skips what it has read.
            return ask(tp, ok.records().get(0).offset() - place, isolation)
                    .thenApply(again -> again instanceof TxLogMessages.FetchOk whole
                            ? batches(whole, bytesMax)
                            : Read.failed(KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
        });
    }

    /** The partition's marks only: a read past the end returns no records. */
    CompletableFuture<Read> marks(TopicPartition tp, IsolationLevel isolation) {
        return ask(tp, Long.MAX_VALUE, isolation)
                .thenApply(answer -> answer instanceof TxLogMessages.FetchOk ok
                        ? new Read(KafkaError.NONE, null, ok.highWatermark(), ok.lastStableOffset())
                        : Read.failed(KafkaError.UNKNOWN_TOPIC_OR_PARTITION));
    }

    private CompletableFuture<TxLogMessages.Response> ask(TopicPartition tp, long offset, IsolationLevel isolation) {
        return node.call(id -> new TxLogMessages.Fetch(id, tp, offset, RECORDS_PER_READ_MAX, isolation));
    }

    private static Read batches(TxLogMessages.FetchOk ok, int bytesMax) {
        ByteBuf out = Unpooled.buffer();
        for (LogRecord record : ok.records()) {
            if (out.readableBytes() > 0 && out.readableBytes() >= bytesMax) {
                break;
            }
            if (StoredBatch.placeInBatch(record.value()) == 0) {
                out.writeBytes(RecordBatch.atOffset(StoredBatch.bytes(record.value()), record.offset()));
            }
        }
        return new Read(KafkaError.NONE, out, ok.highWatermark(), ok.lastStableOffset());
    }
}
