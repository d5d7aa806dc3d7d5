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
 * TxnOffsetCommit (key 28) v3: a transactional producer commits a consumer group's offsets inside its transaction
 * ({@code producer.sendOffsetsToTransaction}). The txlog node keeps them pending until the transaction ends: the group
 * sees them only if it commits. v3 carries the consumer's generation and member id, which the node checks as for a
 * plain commit, so a consumer that has lost its partitions cannot commit through a producer either.
 */
final class TxnOffsetCommitApi {
    private record Named(String topic, List<Integer> partitions) {}

    private final NodeCalls node;

    TxnOffsetCommitApi(NodeCalls node) {
        this.node = node;
    }

    CompletableFuture<ByteBuf> commit(KafkaReader in) {
        String transactionalId = in.compactString();
        String groupId = in.compactString();
        long producerId = in.int64();
        short epoch = in.int16();
        int generation = in.int32();
        String memberId = in.compactString();
        in.compactString(); // group instance id: static membership is not served
        if (transactionalId == null || groupId == null) {
            throw new KafkaProtocolException("TxnOffsetCommit names no transactional id or no group");
        }
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        List<Named> topics = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<Integer> partitions = new ArrayList<>();
            int partitionCount = in.compactArrayLength();
            for (int p = 0; p < partitionCount; p++) {
                int partition = in.int32();
                long offset = in.int64();
                in.int32(); // committed leader epoch: not kept
                in.compactString(); // metadata: not kept
                in.skipTaggedFields();
                if (partition < 0 || offset < 0) {
                    throw new KafkaProtocolException("a negative partition or offset in TxnOffsetCommit");
                }
                offsets.put(new TopicPartition(topic, partition), offset);
                partitions.add(partition);
            }
            in.skipTaggedFields();
            topics.add(new Named(topic, partitions));
        }
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.TxnOffsetCommit(
                        id, transactionalId, groupId, producerId, epoch, generation, memberId, offsets))
                .thenApply(answer -> {
                    short error = GroupMembershipApi.error(answer);
                    KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(topics.size());
                    for (Named topic : topics) {
                        out.compactString(topic.topic())
                                .compactArrayLength(topic.partitions().size());
                        for (int partition : topic.partitions()) {
                            out.int32(partition).int16(error).noTaggedFields();
                        }
                        out.noTaggedFields();
                    }
                    return out.noTaggedFields().buffer();
                });
    }
}
