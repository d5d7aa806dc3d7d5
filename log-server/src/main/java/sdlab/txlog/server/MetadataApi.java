package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;
import sdlab.core.NodeId;
import sdlab.txlog.PartitionState;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * Metadata (key 3), v12: the brokers, and for each partition what the node knows of it: its leader and leader epoch,
 * its replicas and its in-sync set, as the node's {@link PartitionState} says. A standalone node leads every partition
 * alone in epoch 0; a node of a replicated group would report the controller's last word, with each broker's node id
 * mapped to its Kafka broker id. A topic the node does not have is answered with UNKNOWN_TOPIC_OR_PARTITION: topics are
 * not created on first use yet.
 */
final class MetadataApi {
    static final int BROKER_ID = 0;
    private static final String CLUSTER_ID = "sdlab-log";
    private static final short LEADER_NOT_AVAILABLE = 5;

    private record AskedTopic(String name, List<CompletableFuture<TxLogMessages.Response>> partitions) {}

    private final NodeCalls node;
    private final Topics topics;
    private final String advertisedHost;
    private final ToIntFunction<NodeId> brokerIds;

    MetadataApi(NodeCalls node, Topics topics, String advertisedHost, ToIntFunction<NodeId> brokerIds) {
        this.node = node;
        this.topics = topics;
        this.advertisedHost = advertisedHost;
        this.brokerIds = brokerIds;
    }

    CompletableFuture<ByteBuf> handle(KafkaReader in, int port) {
        List<AskedTopic> asked = new ArrayList<>();
        List<CompletableFuture<TxLogMessages.Response>> all = new ArrayList<>();
        for (String topic : askedTopics(in)) {
            List<CompletableFuture<TxLogMessages.Response>> partitions = new ArrayList<>();
            for (int p = 0; p < topics.partitions(topic).orElse(0); p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                partitions.add(node.call(id -> new TxLogMessages.DescribePartition(id, tp)));
            }
            all.addAll(partitions);
            asked.add(new AskedTopic(topic, partitions));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> answer(asked, port));
    }

    private ByteBuf answer(List<AskedTopic> asked, int port) {
        KafkaWriter out = new KafkaWriter().int32(0); // no throttling
        out.compactArrayLength(1)
                .int32(BROKER_ID)
                .compactString(advertisedHost)
                .int32(port)
                .compactString(null)
                .noTaggedFields();
        out.compactString(CLUSTER_ID).int32(BROKER_ID);
        out.compactArrayLength(asked.size());
        for (AskedTopic topic : asked) {
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

    private void writeTopic(KafkaWriter out, AskedTopic topic) {
        int partitions = topic.partitions().size();
        out.int16(partitions > 0 ? KafkaError.NONE : KafkaError.UNKNOWN_TOPIC_OR_PARTITION)
                .compactString(topic.name())
                .uuid(Topics.id(topic.name()))
                .bool(false);
        out.compactArrayLength(partitions);
        for (int p = 0; p < partitions; p++) {
            if (topic.partitions().get(p).join() instanceof TxLogMessages.PartitionDescribed described) {
                writePartition(out, p, described.state());
            } else {
                out.int16(KafkaError.UNKNOWN_TOPIC_OR_PARTITION)
                        .int32(p)
                        .int32(-1)
                        .int32(-1);
                out.compactArrayLength(0)
                        .compactArrayLength(0)
                        .compactArrayLength(0)
                        .noTaggedFields();
            }
        }
        out.int32(Integer.MIN_VALUE).noTaggedFields(); // authorized operations: not computed
    }

    private void writePartition(KafkaWriter out, int partition, PartitionState state) {
        boolean led = state.leader() != null;
        out.int16(led ? KafkaError.NONE : LEADER_NOT_AVAILABLE)
                .int32(partition)
                .int32(led ? brokerIds.applyAsInt(state.leader()) : -1)
                .int32(state.leaderEpoch());
        writeBrokers(out, state.replicas());
        writeBrokers(out, state.isr());
        out.compactArrayLength(0); // offline replicas: a broker knows only the controller's word, not who is down
        out.noTaggedFields();
    }

    private void writeBrokers(KafkaWriter out, List<NodeId> brokers) {
        out.compactArrayLength(brokers.size());
        brokers.forEach(broker -> out.int32(brokerIds.applyAsInt(broker)));
    }
}
