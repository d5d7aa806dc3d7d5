package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.GroupMessages;

/**
 * TxnOffsetCommit (key 28) v3: a transactional producer commits a consumer group's offsets inside its transaction
 * ({@code producer.sendOffsetsToTransaction}). The txlog node keeps them pending until the transaction ends: the group
 * sees them only if it commits. v3 carries the consumer's generation and member id, which the node checks as for a
 * plain commit, so a consumer that has lost its partitions cannot commit through a producer either.
 */
final class TxnOffsetCommitApi {
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
        CommittedOffsets read = CommittedOffsets.read(in, "TxnOffsetCommit", true);
        in.skipTaggedFields();
        return node.callGroup(id -> new GroupMessages.TxnOffsetCommit(
                        id,
                        transactionalId,
                        groupId,
                        producerId,
                        epoch,
                        generation,
                        memberId,
                        read.offsets(),
                        read.metadata()))
                .thenApply(answer -> read.answer(GroupMembershipApi.error(answer)));
    }
}
