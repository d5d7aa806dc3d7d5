package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata (key 3), v12: one broker, which leads every partition of the topics it was started with. A topic it does
 * not have is answered with UNKNOWN_TOPIC_OR_PARTITION: topics are not created on first use yet.
 */
final class MetadataApi {
    static final int BROKER_ID = 0;
    private static final String CLUSTER_ID = "sdlab-log";

    private final Topics topics;
    private final String advertisedHost;

    MetadataApi(Topics topics, String advertisedHost) {
        this.topics = topics;
        this.advertisedHost = advertisedHost;
    }

    ByteBuf handle(KafkaReader in, int port) {
        List<String> asked = askedTopics(in);
        KafkaWriter out = new KafkaWriter().int32(0); // no throttling
        out.compactArrayLength(1)
                .int32(BROKER_ID)
                .compactString(advertisedHost)
                .int32(port)
                .compactString(null)
                .noTaggedFields();
        out.compactString(CLUSTER_ID).int32(BROKER_ID);
        out.compactArrayLength(asked.size());
        for (String topic : asked) {
            writeTopic(out, topic);
        }
        return out.noTaggedFields().buffer();
    }

    /** The topics named in the request, or every topic when the list is null. */
    private List<String> askedTopics(KafkaReader in) {
        int count = in.compactArrayLength();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            in.skip(16); // topic id: this broker is asked by name
            String name = in.compactString();
            in.skipTaggedFields();
            if (name == null) {
                throw new KafkaProtocolException("a Metadata request by topic id, which v12 clients do not send");
            }
            asked.add(name);
        }
        if (count < 0) {
            topics.names().forEach(asked::add);
        }
        return asked;
    }

    private void writeTopic(KafkaWriter out, String topic) {
        int partitions = topics.partitions(topic).orElse(0);
        out.int16(partitions > 0 ? KafkaError.NONE : KafkaError.UNKNOWN_TOPIC_OR_PARTITION)
                .compactString(topic)
                .uuid(Topics.id(topic))
                .bool(false);
        out.compactArrayLength(partitions);
        for (int p = 0; p < partitions; p++) {
            out.int16(KafkaError.NONE).int32(p).int32(BROKER_ID).int32(0); // leader epoch 0: one leader ever
            out.compactArrayLength(1).int32(BROKER_ID); // replicas
            out.compactArrayLength(1).int32(BROKER_ID); // in-sync replicas
            out.compactArrayLength(0); // offline replicas
            out.noTaggedFields();
        }
        out.int32(Integer.MIN_VALUE).noTaggedFields(); // authorized operations: not computed
    }
}
