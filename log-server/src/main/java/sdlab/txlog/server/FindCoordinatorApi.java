package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;

/** FindCoordinator (key 10), v4: this one broker coordinates every group (and would every transactional id). */
final class FindCoordinatorApi {
    private final String advertisedHost;

    FindCoordinatorApi(String advertisedHost) {
        this.advertisedHost = advertisedHost;
    }

    ByteBuf handle(KafkaReader in, int port) {
        in.int8(); // key type: group or transaction, the answer is the same
        int count = in.compactArrayLength();
        KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            out.compactString(in.compactString())
                    .int32(MetadataApi.BROKER_ID)
                    .compactString(advertisedHost)
                    .int32(port)
                    .int16(KafkaError.NONE)
                    .compactString(null)
                    .noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }
}
