package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.TopicPartition;

/**
 * ListOffsets (key 2), v7: the earliest offset (the first one retention still keeps) and the latest, which is the
 * node's high watermark for read_uncommitted and its last stable offset for read_committed. Looking an offset up by
 * timestamp is not served: the answer is INVALID_REQUEST.
 */
final class ListOffsetsApi {
    private static final long LATEST = -1;
    private static final long EARLIEST = -2;

    private record Lookup(int partition, long timestamp, CompletableFuture<PartitionReads.Read> marks) {}

    private record TopicLookups(String topic, List<Lookup> partitions) {}

    private final PartitionReads reads;

    ListOffsetsApi(PartitionReads reads) {
        this.reads = reads;
    }

    CompletableFuture<ByteBuf> handle(KafkaReader in) {
        in.int32(); // replica id: a consumer's is -1
        IsolationLevel isolation = FetchApi.isolation(in.int8());
        List<TopicLookups> topics = new ArrayList<>();
        List<CompletableFuture<PartitionReads.Read>> all = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<Lookup> lookups = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                in.int32(); // current leader epoch
                long timestamp = in.int64();
                in.skipTaggedFields();
                CompletableFuture<PartitionReads.Read> marks = partition < 0
                        ? CompletableFuture.completedFuture(
                                PartitionReads.Read.failed(KafkaError.UNKNOWN_TOPIC_OR_PARTITION))
                        : reads.marks(new TopicPartition(topic, partition));
                lookups.add(new Lookup(partition, timestamp, marks));
                all.add(marks);
            }
            in.skipTaggedFields();
            topics.add(new TopicLookups(topic, lookups));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(done -> answer(topics, isolation));
    }

    private static ByteBuf answer(List<TopicLookups> topics, IsolationLevel isolation) {
        KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(topics.size());
        for (TopicLookups topic : topics) {
            out.compactString(topic.topic())
                    .compactArrayLength(topic.partitions().size());
            for (Lookup lookup : topic.partitions()) {
                PartitionReads.Read marks = lookup.marks().join();
                long offset = -1;
                short error = marks.error();
                if (error == KafkaError.NONE && lookup.timestamp() == EARLIEST) {
                    offset = marks.logStartOffset();
                } else if (error == KafkaError.NONE && lookup.timestamp() == LATEST) {
                    offset = isolation == IsolationLevel.READ_COMMITTED
                            ? marks.lastStableOffset()
                            : marks.highWatermark();
                } else if (error == KafkaError.NONE) {
                    error = KafkaError.INVALID_REQUEST;
                }
                out.int32(lookup.partition())
                        .int16(error)
                        .int64(-1)
                        .int64(offset)
                        .int32(0);
                out.noTaggedFields();
            }
            out.noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }
}
