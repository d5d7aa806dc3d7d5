package sdlab.app.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * A real {@code log} cluster for tests: broker processes and their controller as {@code sdlab cluster start log} runs
 * them, Kafka ports on a free range, and the unmodified Kafka clients pointed at every broker.
 */
final class LogTestCluster implements AutoCloseable {
    static final String TOPIC = "orders";

    final ProcessCluster processes;
    private final int portBase;
    private final int brokers;

    private LogTestCluster(ProcessCluster processes, int portBase, int brokers) {
        this.processes = processes;
        this.portBase = portBase;
        this.brokers = brokers;
    }

    /**
     * Three brokers holding every partition of {@link #TOPIC} (3 partitions, min.insync 2), leadership moved back to
     * preferred replicas every second unless {@code options} say otherwise, with {@code options}.
     */
    static LogTestCluster start(Path directory, Map<String, String> options) throws Exception {
        Map<String, String> all = new HashMap<>(options);
        all.put("brokers", "3");
        all.put("topic", TOPIC);
        all.put("partitions", "3");
        all.put("replication-factor", "3");
        all.put("min-insync", "2");
        int portBase = ReplTestCluster.freePortRange(3);
        all.put("client-port", Integer.toString(portBase));
        // A broker fenced for starting late leads its partitions again a second after it is in sync.
        all.putIfAbsent("leader-imbalance-check-ms", "1000");
        LogClusterMechanism mechanism = LogClusterMechanism.fromOptions(all);
        ProcessCluster processes = ProcessCluster.start(
                directory,
                LogClusterMechanism.NAME,
                all,
                mechanism.nodeCount(),
                11,
                ClusterMechanisms.LAUNCHER,
                l -> {});
        return new LogTestCluster(processes, portBase, 3);
    }

    /** The node of Kafka broker id {@code brokerId}: broker 1 is n1. */
    static NodeId node(int brokerId) {
        return NodeId.of("n" + brokerId);
    }

    String bootstrap() {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < brokers; i++) {
            servers.append(i == 0 ? "" : ",").append("127.0.0.1:").append(portBase + i);
        }
        return servers.toString();
    }

    /** An idempotent producer with acks=all, which retries a refused or unanswered batch until its delivery timeout. */
    KafkaProducer<String, String> producer(int deliveryTimeoutMs) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(deliveryTimeoutMs));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(deliveryTimeoutMs - 5, 10_000)));
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        props.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** A consumer that starts at the beginning; in group {@code groupId}, or in none when it is null. */
    KafkaConsumer<String, String> consumer(String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        }
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        processes.stop();
        processes.close();
    }
}
