package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import sdlab.txlog.AbortedTxn;
import sdlab.txlog.IsolationLevel;
import sdlab.txlog.TopicPartition;

/**
 * Fetch (key 1), v12, by topic name. It answers as Kafka's broker does and leaves the filtering to the consumer:
 * read_uncommitted gets every batch up to the high watermark, read_committed every batch up to the last stable offset
 * with the aborted transactions (producer id, first offset) among them, and both get the markers as control batches.
 * kafka-clients then drops the aborted records and the markers itself. Every fetch is a full one: the answer's session id is 0, which tells the client
 * that no incremental fetch session was made, so it names all its partitions each time. A fetch that finds nothing
 * is answered after the client's {@code max_wait_ms} (at most {@link #WAIT_MS_MAX}), so an idle consumer does not spin;
 * it is not woken early by a write (no purgatory yet).
 */
final class FetchApi {
    static final long WAIT_MS_MAX = 500;

    private record PartitionFetch(int partition, CompletableFuture<PartitionReads.Read> read) {}

    private record TopicFetch(String topic, List<PartitionFetch> partitions) {}

    private final PartitionReads reads;

    FetchApi(PartitionReads reads) {
        this.reads = reads;
    }

    static IsolationLevel isolation(byte level) {
        return level == 1 ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
    }

    CompletableFuture<ByteBuf> handle(KafkaReader in, EventExecutor loop) {
        in.int32(); // replica id
        int maxWaitMs = in.int32();
        in.int32(); // min bytes: any data is answered at once
        in.int32(); // max bytes: each partition's own limit bounds the answer
        IsolationLevel isolation = isolation(in.int8());
        in.int32(); // session id
        in.int32(); // session epoch
        List<TopicFetch> topics = new ArrayList<>();
        List<CompletableFuture<PartitionReads.Read>> all = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<PartitionFetch> partitions = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                in.int32(); // current leader epoch
                long fetchOffset = in.int64();
                in.int32(); // last fetched epoch
                in.int64(); // log start offset (a follower's)
                int partitionMaxBytes = in.int32();
                in.skipTaggedFields();
                CompletableFuture<PartitionReads.Read> read = partition < 0
                        ? CompletableFuture.completedFuture(
                                PartitionReads.Read.failed(KafkaError.UNKNOWN_TOPIC_OR_PARTITION))
                        : reads.read(new TopicPartition(topic, partition), fetchOffset, partitionMaxBytes, isolation);
                partitions.add(new PartitionFetch(partition, read));
                all.add(read);
            }
            in.skipTaggedFields();
            topics.add(new TopicFetch(topic, partitions));
        }
        // Forgotten topics and the rack id only matter to fetch sessions and follower fetching, which are not served.
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            boolean nothing = all.stream().allMatch(read -> read.join().empty());
            if (!nothing || maxWaitMs <= 0) {
                return CompletableFuture.completedFuture(answer(topics));
            }
            CompletableFuture<ByteBuf> later = new CompletableFuture<>();
            loop.schedule(
                    () -> later.complete(answer(topics)), Math.min(maxWaitMs, WAIT_MS_MAX), TimeUnit.MILLISECONDS);
            return later;
        });
    }

    private static ByteBuf answer(List<TopicFetch> topics) {
        KafkaWriter out = new KafkaWriter().int32(0).int16(KafkaError.NONE).int32(0); // no session
        out.compactArrayLength(topics.size());
        for (TopicFetch topic : topics) {
            out.compactString(topic.topic())
                    .compactArrayLength(topic.partitions().size());
            for (PartitionFetch partition : topic.partitions()) {
                PartitionReads.Read read = partition.read().join();
                out.int32(partition.partition())
                        .int16(read.error())
                        .int64(read.highWatermark())
                        .int64(read.lastStableOffset())
                        .int64(read.error() == KafkaError.NONE ? read.logStartOffset() : -1)
                        .compactArrayLength(read.aborted().size());
                for (AbortedTxn aborted : read.aborted()) {
                    out.int64(aborted.producerId()).int64(aborted.firstOffset()).noTaggedFields();
                }
                out.int32(-1) // no preferred read replica
                        .compactBytes(read.batches())
                        .noTaggedFields();
                if (read.batches() != null) {
                    read.batches().release();
                }
            }
            out.noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }
}
