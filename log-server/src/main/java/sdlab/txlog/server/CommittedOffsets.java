package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.txlog.TopicPartition;

/**
 * The topics of an OffsetCommit v8 or TxnOffsetCommit v3 request (offset, leader epoch, metadata per partition) and
 * the answer's shape, which both share: the node's error for every partition, except those whose metadata was too
 * long, which are answered OFFSET_METADATA_TOO_LARGE and not sent to the node, as Kafka refuses them alone.
 *
 * @param offsets the offsets to commit, in request order
 * @param metadata their metadata strings (null in the request reads as empty)
 * @param topics every topic and partition asked, in request order, for the answer
 * @param tooLarge partitions refused for their metadata's length
 */
record CommittedOffsets(
        Map<TopicPartition, Long> offsets,
        Map<TopicPartition, String> metadata,
        List<Map.Entry<String, List<Integer>>> topics,
        List<TopicPartition> tooLarge) {

    /** Reads the topics; a negative partition is malformed, and so is a negative offset where {@code offsetsAtLeastZero}. */
    static CommittedOffsets read(KafkaReader in, String api, boolean offsetsAtLeastZero) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        Map<TopicPartition, String> metadata = new LinkedHashMap<>();
        List<Map.Entry<String, List<Integer>>> topics = new ArrayList<>();
        List<TopicPartition> tooLarge = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<Integer> partitions = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                long offset = in.int64();
                in.int32(); // committed leader epoch: not kept
                String text = in.compactString();
                in.skipTaggedFields();
                if (partition < 0 || (offsetsAtLeastZero && offset < 0)) {
                    throw new KafkaProtocolException("a negative partition or offset in " + api);
                }
                TopicPartition tp = new TopicPartition(topic, partition);
                partitions.add(partition);
                if (text != null && text.length() > OffsetsApi.METADATA_LENGTH_MAX) {
                    tooLarge.add(tp);
                    continue;
                }
                offsets.put(tp, offset);
                metadata.put(tp, text == null ? "" : text);
            }
            in.skipTaggedFields();
            topics.add(Map.entry(topic, partitions));
        }
        return new CommittedOffsets(offsets, metadata, topics, tooLarge);
    }

    /** The answer: {@code error} (the node's) for each partition, OFFSET_METADATA_TOO_LARGE for those refused here. */
    ByteBuf answer(short error) {
        KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(topics.size());
        for (Map.Entry<String, List<Integer>> topic : topics) {
            out.compactString(topic.getKey())
                    .compactArrayLength(topic.getValue().size());
            for (int partition : topic.getValue()) {
                boolean refused = tooLarge.contains(new TopicPartition(topic.getKey(), partition));
                out.int32(partition)
                        .int16(refused ? KafkaError.OFFSET_METADATA_TOO_LARGE : error)
                        .noTaggedFields();
            }
            out.noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }
}
