package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import sdlab.txlog.TxLogMessages;

/**
 * InitProducerId (key 22), v4: the txlog node's coordinator hands out the producer id and epoch (an idempotent
 * producer asks with no transactional id). The id and epoch a client sends to have its epoch bumped (KIP-360) are
 * not used: the coordinator gives such a producer a fresh id, which is as safe and simpler.
 */
final class InitProducerIdApi {
    private InitProducerIdApi() {}

    static CompletableFuture<ByteBuf> handle(KafkaReader in, NodeCalls node) {
        String transactionalId = in.compactString();
        int timeoutMs = in.int32();
        in.int64(); // producer id
        in.int16(); // producer epoch
        in.skipTaggedFields();
        return node.call(id -> new TxLogMessages.InitProducerId(id, transactionalId, timeoutMs))
                .thenApply(answer -> {
                    KafkaWriter out = new KafkaWriter().int32(0);
                    switch (answer) {
                        case TxLogMessages.InitProducerIdOk ok ->
                            out.int16(KafkaError.NONE).int64(ok.producerId()).int16(ok.producerEpoch());
                        case TxLogMessages.TxnRefused refused ->
                            out.int16(KafkaError.of(refused.error())).int64(-1).int16(-1);
                        default -> throw new IllegalStateException("the node answered InitProducerId with " + answer);
                    }
                    return out.noTaggedFields().buffer();
                });
    }
}
