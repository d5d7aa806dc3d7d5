package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;

/**
 * FindCoordinator (key 10), v4: the broker that coordinates each key asked for, a group or a transactional id, as
 * {@link KafkaBrokers#coordinator} places it (a lone broker coordinates everything).
 */
final class FindCoordinatorApi {
    private FindCoordinatorApi() {}

    static ByteBuf handle(KafkaReader in, KafkaBrokers brokers) {
        in.int8(); // key type: groups and transactional ids are placed alike
        int count = in.compactArrayLength();
        KafkaWriter out = new KafkaWriter().int32(0).compactArrayLength(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            String key = in.compactString();
            KafkaBrokers.Broker coordinator = brokers.coordinator(key == null ? "" : key);
            out.compactString(key)
                    .int32(coordinator.brokerId())
                    .compactString(coordinator.host())
                    .int32(coordinator.port())
                    .int16(KafkaError.NONE)
                    .compactString(null)
                    .noTaggedFields();
        }
        return out.noTaggedFields().buffer();
    }
}
