package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.Acks;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * Produce (key 0), v9: each partition's record batches go to the txlog node as they are, and the node decides
 * everything a broker decides about them: the producer's epoch and sequence checks, whether a batch is a retry of
 * one already written (then its original offset is the answer), and the offsets. The door only checks that a batch
 * is whole (CRC-32C) and reads its header. With {@code acks=0} nothing is answered, as in Kafka.
 */
final class ProduceApi {
    private final NodeCalls node;

    /** One partition's outcome. */
    private record Outcome(short error, long baseOffset, String message) {}

    private record PartitionWrite(int partition, byte[] records) {}

    private record TopicWrite(String topic, List<PartitionWrite> partitions) {}

    ProduceApi(NodeCalls node) {
        this.node = node;
    }

    /** The answer, or a future of null when the request has {@code acks=0}. */
    CompletableFuture<ByteBuf> handle(KafkaReader in) {
        in.compactString(); // transactional id: transactions are not served yet
        short acks = in.int16();
        // acks=0 is asked of the node as acks=1, so that the door's call completes; the door then answers nothing.
        Acks nodeAcks = acks == -1 ? Acks.ALL : Acks.LEADER;
        in.int32(); // timeout: the node answers once its acks are met
        List<TopicWrite> topics = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<PartitionWrite> partitions = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                partitions.add(new PartitionWrite(in.int32(), in.compactBytes()));
                in.skipTaggedFields();
            }
            in.skipTaggedFields();
            topics.add(new TopicWrite(topic, partitions));
        }
        in.skipTaggedFields();
        // Only a request read whole is applied: one cut short closes the connection having written nothing.
        // Kafka takes acks -1, 0 and 1 only; any other value refuses every partition and writes nothing.
        boolean validAcks = acks >= -1 && acks <= 1;
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (TopicWrite topic : topics) {
            for (PartitionWrite partition : topic.partitions()) {
                outcomes.add(
                        validAcks
                                ? write(topic.topic(), partition.partition(), partition.records(), nodeAcks)
                                : CompletableFuture.completedFuture(
                                        new Outcome(KafkaError.INVALID_REQUIRED_ACKS, -1, null)));
            }
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(done -> acks == 0 ? null : answer(topics, outcomes));
    }

    private CompletableFuture<Outcome> write(String topic, int partition, byte[] records, Acks acks) {
        List<RecordBatch> batches;
        try {
            batches = RecordBatch.split(records);
        } catch (RecordBatch.CorruptBatchException e) {
            return CompletableFuture.completedFuture(new Outcome(KafkaError.CORRUPT_MESSAGE, -1, e.getMessage()));
        }
        if (partition < 0) {
            return CompletableFuture.completedFuture(new Outcome(KafkaError.UNKNOWN_TOPIC_OR_PARTITION, -1, null));
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        // Batches of one partition are appended one after another; the answer carries the first one's offset.
        CompletableFuture<Outcome> first = append(tp, batches.get(0), acks);
        CompletableFuture<Outcome> chain = first;
        for (RecordBatch batch : batches.subList(1, batches.size())) {
            chain = chain.thenCompose(before -> before.error() != KafkaError.NONE
                    ? CompletableFuture.completedFuture(before)
                    : append(tp, batch, acks));
        }
        return chain.thenCombine(first, (last, head) -> last.error() != KafkaError.NONE ? last : head);
    }

    private CompletableFuture<Outcome> append(TopicPartition tp, RecordBatch batch, Acks acks) {
        return node.call(id -> new TxLogMessages.Produce(
                        id,
                        tp,
                        batch.producerId(),
                        batch.producerEpoch(),
                        batch.baseSequence(),
                        batch.transactional(),
                        StoredBatch.values(batch),
                        acks))
                .thenApply(answer -> switch (answer) {
                    case TxLogMessages.ProduceOk ok -> new Outcome(KafkaError.NONE, ok.baseOffset(), null);
                    case TxLogMessages.ProduceRefused refused ->
                        new Outcome(
                                KafkaError.of(refused.error()),
                                -1,
                                refused.error().name());
                    default -> throw new IllegalStateException("the node answered Produce with " + answer);
                });
    }

    /** The answer, with {@code outcomes} in the order of the request's partitions. */
    private static ByteBuf answer(List<TopicWrite> topics, List<CompletableFuture<Outcome>> outcomes) {
        Iterator<CompletableFuture<Outcome>> next = outcomes.iterator();
        KafkaWriter out = new KafkaWriter().compactArrayLength(topics.size());
        for (TopicWrite topic : topics) {
            out.compactString(topic.topic())
                    .compactArrayLength(topic.partitions().size());
            for (PartitionWrite partition : topic.partitions()) {
                Outcome outcome = next.next().join(); // complete: answer() runs after allOf
                out.int32(partition.partition())
                        .int16(outcome.error())
                        .int64(outcome.baseOffset())
                        .int64(-1) // log append time: the batches keep their create time
                        .int64(0) // log start offset: nothing is deleted yet
                        .compactArrayLength(0) // per-record errors
                        .compactString(outcome.message())
                        .noTaggedFields();
            }
            out.noTaggedFields();
        }
        return out.int32(0).noTaggedFields().buffer();
    }
}
