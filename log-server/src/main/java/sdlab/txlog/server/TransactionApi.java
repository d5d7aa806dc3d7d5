package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * A transactional producer's calls to the coordinator: AddPartitionsToTxn (key 24) v3, AddOffsetsToTxn (key 25) v3
 * and EndTxn (key 26) v3, the versions of transactions "v1" (a client adds its partitions and groups itself). The txlog node's transaction coordinator
 * decides: it opens the transaction, fences older epochs, and on EndTxn writes the markers once its decision is
 * synced.
 */
final class TransactionApi {
    private record Named(String topic, List<Integer> partitions) {}

    private final NodeCalls node;

    TransactionApi(NodeCalls node) {
        this.node = node;
    }

    CompletableFuture<ByteBuf> addPartitions(KafkaReader in) {
        String transactionalId = in.compactString();
        long producerId = in.int64();
        short epoch = in.int16();
        List<Named> topics = new ArrayList<>();
        List<TopicPartition> partitions = new ArrayList<>();
        int topicCount = in.compactArrayLength();
        for (int t = 0; t < topicCount; t++) {
            String topic = in.compactString();
            List<Integer> indexes = new ArrayList<>();
            int count = in.compactArrayLength();
            for (int p = 0; p < count; p++) {
                int partition = in.int32();
                if (partition < 0) {
                    throw new KafkaProtocolException("a negative partition number in AddPartitionsToTxn");
                }
                indexes.add(partition);
                partitions.add(new TopicPartition(topic, partition));
            }
            in.skipTaggedFields();
            topics.add(new Named(topic, indexes));
        }
        in.skipTaggedFields();
        return node.call(id -> new TxLogMessages.AddPartitionsToTxn(id, transactionalId, producerId, epoch, partitions))
                .thenApply(answer -> {
                    short error = error(answer);
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

    /** AddOffsetsToTxn (key 25) v3: the group's offsets join the transaction, to be committed by TxnOffsetCommit. */
    CompletableFuture<ByteBuf> addOffsets(KafkaReader in) {
        String transactionalId = in.compactString();
        long producerId = in.int64();
        short epoch = in.int16();
        String groupId = in.compactString();
        in.skipTaggedFields();
        if (groupId == null || transactionalId == null) {
            throw new KafkaProtocolException("AddOffsetsToTxn names no transactional id or no group");
        }
        return node.call(id -> new TxLogMessages.AddOffsetsToTxn(id, transactionalId, producerId, epoch, groupId))
                .thenApply(answer -> new KafkaWriter()
                        .int32(0)
                        .int16(error(answer))
                        .noTaggedFields()
                        .buffer());
    }

    CompletableFuture<ByteBuf> endTxn(KafkaReader in) {
        String transactionalId = in.compactString();
        long producerId = in.int64();
        short epoch = in.int16();
        boolean commit = in.bool();
        in.skipTaggedFields();
        return node.call(id -> new TxLogMessages.EndTxn(id, transactionalId, producerId, epoch, commit))
                .thenApply(answer -> new KafkaWriter()
                        .int32(0)
                        .int16(error(answer))
                        .noTaggedFields()
                        .buffer());
    }

    private static short error(TxLogMessages.Response answer) {
        return answer instanceof TxLogMessages.TxnRefused refused ? KafkaError.of(refused.error()) : KafkaError.NONE;
    }
}
