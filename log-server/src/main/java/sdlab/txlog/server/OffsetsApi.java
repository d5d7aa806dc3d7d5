package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.GroupMessages;
import sdlab.txlog.TopicPartition;

/**
 * Committed offsets: OffsetCommit (key 8) v8 and OffsetFetch (key 9) v8, kept by the txlog node's group
 * coordinator with the metadata string committed alongside each (an offset committed without one reads back empty,
 * as from Kafka; one longer than Kafka's default {@code offset.metadata.max.bytes}, 4,096, is refused
 * OFFSET_METADATA_TOO_LARGE and that partition not committed). The leader epoch is not kept: a fetch answers -1.
 */
final class OffsetsApi {
    /** Kafka's default {@code offset.metadata.max.bytes}: longer metadata is refused, its offset not committed. */
    static final int METADATA_LENGTH_MAX = 4096;

    private record Named(String topic, List<Integer> partitions) {}

    private final NodeCalls node;

    OffsetsApi(NodeCalls node) {
        this.node = node;
    }

    CompletableFuture<ByteBuf> commit(KafkaReader in) {
        String groupId = in.compactString();
        int generation = in.int32();
        String memberId = in.compactString();
        in.compactString(); // group instance id
        CommittedOffsets read = CommittedOffsets.read(in, "OffsetCommit", false);
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.CommitOffsets(
                        id, groupId, generation, memberId, read.offsets(), read.metadata()))
                .thenApply(answer -> read.answer(GroupMembershipApi.error(answer)));
    }

    /** v8 asks for several groups at once; each is its own request to the node. */
    CompletableFuture<ByteBuf> fetch(KafkaReader in) {
        List<String> groupIds = new ArrayList<>();
        List<List<Named>> asked = new ArrayList<>();
        int groupCount = in.compactArrayLength();
        for (int g = 0; g < groupCount; g++) {
            groupIds.add(in.compactString());
            asked.add(namedPartitions(in));
            in.skipTaggedFields();
        }
        // A read_committed consumer requires stable offsets: a partition an open transaction holds pending offsets
        // for is answered UNSTABLE_OFFSET_COMMIT, and the consumer asks again until the transaction has ended.
        boolean requireStable = in.bool();
        in.skipTaggedFields();
        List<CompletableFuture<GroupMessages.Response>> answers = new ArrayList<>();
        for (int g = 0; g < groupIds.size(); g++) {
            String groupId = groupIds.get(g);
            List<TopicPartition> partitions = new ArrayList<>();
            asked.get(g).forEach(named -> named.partitions()
                    .forEach(p -> partitions.add(new TopicPartition(named.topic(), p))));
            answers.add(node.callGroup(id -> new GroupMessages.FetchOffsets(id, groupId, partitions)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> fetchAnswer(groupIds, asked, answers, requireStable));
    }

    /** The topics and partitions asked for, or null for "every committed offset". */
    private static List<Named> namedPartitions(KafkaReader in) {
        int topicCount = in.compactArrayLength();
        if (topicCount < 0) {
            return null;
        }
        List<Named> topics = new ArrayList<>();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<Integer> partitions = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                if (partition < 0) {
                    throw new KafkaProtocolException("a negative partition number in OffsetFetch");
                }
                partitions.add(partition);
            }
            in.skipTaggedFields();
            topics.add(new Named(topic, partitions));
        }
        return topics;
    }

    private static ByteBuf fetchAnswer(
            List<String> groupIds,
            List<List<Named>> asked,
            List<CompletableFuture<GroupMessages.Response>> answers,
            boolean requireStable) {
        KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(groupIds.size());
        for (int g = 0; g < groupIds.size(); g++) {
            GroupMessages.OffsetsOk ok = answers.get(g).join() instanceof GroupMessages.OffsetsOk answer
                    ? answer
                    : new GroupMessages.OffsetsOk(-1, Map.of());
            Map<TopicPartition, Long> found = ok.offsets();
            List<Named> topics = asked.get(g) != null ? asked.get(g) : everyTopic(found);
            out.compactString(groupIds.get(g)).compactArrayLength(topics.size());
            for (Named topic : topics) {
                out.compactString(topic.topic())
                        .compactArrayLength(topic.partitions().size());
                for (int partition : topic.partitions()) {
                    TopicPartition tp = new TopicPartition(topic.topic(), partition);
                    boolean unstable = requireStable && ok.unstable().contains(tp);
                    Long offset = unstable ? null : found.get(tp);
                    out.int32(partition)
                            .int64(offset == null ? -1 : offset)
                            .int32(-1) // leader epoch: not kept
                            .compactString(offset == null ? "" : ok.metadata().getOrDefault(tp, ""))
                            .int16(unstable ? KafkaError.UNSTABLE_OFFSET_COMMIT : KafkaError.NONE)
                            .noTaggedFields();
                }
                out.noTaggedFields();
            }
            out.int16(KafkaError.NONE).noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }

    private static List<Named> everyTopic(Map<TopicPartition, Long> found) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        found.keySet().forEach(tp -> byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>())
                .add(tp.partition()));
        List<Named> topics = new ArrayList<>();
        byTopic.forEach((topic, partitions) -> topics.add(new Named(topic, partitions)));
        return topics;
    }
}
