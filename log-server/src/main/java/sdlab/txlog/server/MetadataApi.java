package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import sdlab.core.NodeId;
import sdlab.txlog.PartitionState;
import sdlab.txlog.TopicPartition;
import sdlab.txlog.TxLogMessages;

/**
 * Metadata (key 3), v12: every broker of the cluster (id, host, port), and for each partition what this broker's node
 * knows of it: its leader and leader epoch, its replicas and its in-sync set, as the node's {@link PartitionState}
 * says (the controller's last word to it; a standalone node leads every partition alone in epoch 0). A client that
 * acts on a word gone stale meets NOT_LEADER_OR_FOLLOWER at the broker it names and asks again. A partition this
 * broker holds no replica of, or has not yet heard the controller about, is answered LEADER_NOT_AVAILABLE, which
 * clients retry. A topic the node does not have is created when the request allows it and the broker creates topics
 * on first use (a standalone broker, as Kafka's {@code auto.create.topics.enable}), else answered with
 * UNKNOWN_TOPIC_OR_PARTITION, or INVALID_TOPIC_EXCEPTION for a name Kafka would not take. The controller id is the
 * answering broker's own: the controller does not speak Kafka's protocol.
 */
final class MetadataApi {
    private static final String CLUSTER_ID = "sdlab-log";
    private static final short LEADER_NOT_AVAILABLE = 5;

    private record AskedTopic(String name, List<CompletableFuture<TxLogMessages.Response>> partitions) {}

    /** The request's topics (every topic when it named none) and whether it lets the broker create them. */
    private record Asked(List<String> names, boolean allowAutoCreate) {}

    /** Kafka's rule for topic names: up to 249 of letters, digits, '.', '_' and '-', and not "." or "..". */
    private static final java.util.regex.Pattern LEGAL_TOPIC = java.util.regex.Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final NodeCalls node;
    private final Topics topics;
    private final DoorBug bug;

    MetadataApi(NodeCalls node, Topics topics, DoorBug bug) {
        this.node = node;
        this.topics = topics;
        this.bug = bug;
    }

    CompletableFuture<ByteBuf> handle(KafkaReader in, KafkaBrokers brokers) {
        Asked request = askedTopics(in);
        List<CompletableFuture<AskedTopic>> asked = new ArrayList<>();
        for (String topic : request.names()) {
            asked.add(created(topic, request.allowAutoCreate()).thenCompose(created -> described(topic)));
        }
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(done ->
                        answer(asked.stream().map(CompletableFuture::join).toList(), brokers));
    }

    /** Asks the node to create {@code topic} if it is new, the request allows it and this broker creates topics. */
    private CompletableFuture<Void> created(String topic, boolean allowed) {
        if (!allowed
                || topics.autoCreatePartitions() == 0
                || topics.partitions(topic).isPresent()
                || !legal(topic)) {
            return CompletableFuture.completedFuture(null);
        }
        return node.call(id -> new TxLogMessages.CreateTopic(id, topic, topics.autoCreatePartitions()))
                .thenAccept(answer -> {
                    if (answer instanceof TxLogMessages.TopicCreated created) {
                        topics.created(created.topic(), created.partitions());
                    }
                });
    }

    private CompletableFuture<AskedTopic> described(String topic) {
        List<CompletableFuture<TxLogMessages.Response>> partitions = new ArrayList<>();
        for (int p = 0; p < topics.partitions(topic).orElse(0); p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            partitions.add(node.call(id -> new TxLogMessages.DescribePartition(id, tp)));
        }
        return CompletableFuture.allOf(partitions.toArray(CompletableFuture[]::new))
                .thenApply(done -> new AskedTopic(topic, partitions));
    }

    private static boolean legal(String topic) {
        return LEGAL_TOPIC.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }

    private ByteBuf answer(List<AskedTopic> asked, KafkaBrokers brokers) {
        KafkaWriter out = new KafkaWriter().int32(0); // no throttling
        out.compactArrayLength(brokers.brokers().size());
        for (KafkaBrokers.Broker broker : brokers.brokers()) {
            out.int32(broker.brokerId())
                    .compactString(broker.host())
                    .int32(broker.port())
                    .compactString(null) // no rack
                    .noTaggedFields();
        }
        out.compactString(CLUSTER_ID).int32(brokers.selfBroker().brokerId());
        out.compactArrayLength(asked.size());
        for (AskedTopic topic : asked) {
            writeTopic(out, topic, brokers);
        }
        return out.noTaggedFields().buffer();
    }

    /** The topics named in the request (every topic when the list is null), and whether it allows creating them. */
    private Asked askedTopics(KafkaReader in) {
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
        boolean allowAutoCreate = in.bool();
        return new Asked(asked, allowAutoCreate);
    }

    private void writeTopic(KafkaWriter out, AskedTopic topic, KafkaBrokers brokers) {
        int partitions = topic.partitions().size();
        out.int16(
                        partitions > 0
                                ? KafkaError.NONE
                                : legal(topic.name())
                                        ? KafkaError.UNKNOWN_TOPIC_OR_PARTITION
                                        : KafkaError.INVALID_TOPIC_EXCEPTION)
                .compactString(topic.name())
                .uuid(Topics.id(topic.name()))
                .bool(false);
        out.compactArrayLength(partitions);
        for (int p = 0; p < partitions; p++) {
            if (topic.partitions().get(p).join() instanceof TxLogMessages.PartitionDescribed described) {
                writePartition(out, p, described.state(), brokers);
            } else { // no replica here, or no word from the controller yet
                out.int16(LEADER_NOT_AVAILABLE).int32(p).int32(-1).int32(-1);
                out.compactArrayLength(0)
                        .compactArrayLength(0)
                        .compactArrayLength(0)
                        .noTaggedFields();
            }
        }
        out.int32(Integer.MIN_VALUE).noTaggedFields(); // authorized operations: not computed
    }

    private void writePartition(KafkaWriter out, int partition, PartitionState state, KafkaBrokers brokers) {
        boolean led = state.leader() != null;
        out.int16(led ? KafkaError.NONE : LEADER_NOT_AVAILABLE)
                .int32(partition)
                .int32(led ? leaderId(state, brokers) : -1)
                .int32(state.leaderEpoch());
        writeBrokers(out, state.replicas(), brokers);
        writeBrokers(out, state.isr(), brokers);
        out.compactArrayLength(0); // offline replicas: a broker knows only the controller's word, not who is down
        out.noTaggedFields();
    }

    private int leaderId(PartitionState state, KafkaBrokers brokers) {
        int leader = brokers.brokerId(state.leader());
        if (bug != DoorBug.METADATA_NAMES_WRONG_LEADER) {
            return leader;
        }
        List<KafkaBrokers.Broker> all = brokers.brokers();
        int at = all.indexOf(
                all.stream().filter(b -> b.brokerId() == leader).findFirst().orElseThrow());
        return all.get((at + 1) % all.size()).brokerId();
    }

    private static void writeBrokers(KafkaWriter out, List<NodeId> replicas, KafkaBrokers brokers) {
        out.compactArrayLength(replicas.size());
        replicas.forEach(replica -> out.int32(brokers.brokerId(replica)));
    }
}
