package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.txlog.TxLogConfig;
import sdlab.txlog.server.DoorBug;

/**
 * {@code sdlab cluster start log} from the command line: its options, what start and status print (each broker's
 * Kafka port, the controller), the refusal of {@code cluster client log}, and a broker killed and restarted with
 * {@code cluster fault}, which comes back empty and rejoins every in-sync set by fetching from the leaders.
 */
class LogClusterCommandTest {
    @TempDir
    Path directory;

    @Test
    void optionsTakeKafkasNamesAndDefaults() {
        LogClusterOptions defaults = LogClusterOptions.parse(Map.of());
        assertThat(defaults)
                .isEqualTo(new LogClusterOptions(
                        3, List.of("test"), 3, 3, 2, 9092, 10_000, DoorBug.NONE, TxLogConfig.Bug.NONE));
        assertThat(defaults.nodeCount()).isEqualTo(4);
        assertThat(LogClusterOptions.parse(Map.of("brokers", "1")))
                .extracting(LogClusterOptions::replicationFactor, LogClusterOptions::minInsync)
                .containsExactly(1, 1);
        assertThat(LogClusterOptions.parse(Map.of("topic", "a,b")).partitionsByTopic())
                .containsExactly(Map.entry("a", 3), Map.entry("b", 3));
    }

    @Test
    void badOptionsSayWhatWasWrong() {
        assertThatThrownBy(() -> LogClusterOptions.parse(Map.of("replication-factor", "4")))
                .hasMessage("--replication-factor must be between 1 and the 3 brokers, got 4");
        assertThatThrownBy(() -> LogClusterOptions.parse(Map.of("replication-factor", "2", "min-insync", "3")))
                .hasMessage("--min-insync must be between 1 and the replication factor 2, got 3");
        assertThatThrownBy(() -> LogClusterOptions.parse(Map.of("topic", "a b")))
                .hasMessageContaining("topic 'a b'");
        assertThatThrownBy(() -> LogClusterOptions.parse(Map.of("planted-bug", "x")))
                .hasMessageStartingWith("log's planted bugs are");
        assertThatThrownBy(() -> LogClusterOptions.parse(Map.of("leader-imbalance-check-ms", "-1")))
                .hasMessageStartingWith("--leader-imbalance-check-ms must be between 0");

        ClusterCommandTest.Result refused = ClusterCommandTest.sdlab(
                "cluster", "start", "log", "--nodes", "2", "--replication-factor", "3", "--dir", directory.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--replication-factor must be between 1 and the 2 brokers, got 3");
    }

    @Test
    void startPrintsKafkaPortsAndAKilledBrokerRestartsAndRejoinsTheInSyncSets() throws Exception {
        String dir = directory.resolve("c").toString();
        int port = ReplTestCluster.freePortRange(3);
        ClusterCommandTest.Result started = ClusterCommandTest.sdlab(
                "cluster", "start", "log", "--nodes", "3", "--client-port", Integer.toString(port), "--dir", dir);
        try {
            assertThat(started.exitCode()).as(started.err()).isZero();
            assertThat(started.out())
                    .contains("kafka 127.0.0.1:" + port + " (broker id 1)", "kafka 127.0.0.1:" + (port + 2))
                    .contains("n4 ", "controller (no client port)");
            ClusterCommandTest.Result status = ClusterCommandTest.sdlab("cluster", "status", "--dir", dir);
            assertThat(status.exitCode()).isZero();
            assertThat(status.out()).contains("replicated log (Kafka protocol)", "n2 kafka 127.0.0.1:" + (port + 1));
            ClusterCommandTest.Result client = ClusterCommandTest.sdlab("cluster", "client", "log", "--dir", dir);
            assertThat(client.exitCode()).isEqualTo(2);
            assertThat(client.err()).contains("bootstrap.servers=127.0.0.1:" + port);

            String bootstrap = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1) + ",127.0.0.1:" + (port + 2);
            produce(bootstrap, 0, 30);
            assertThat(ClusterCommandTest.sdlab("cluster", "fault", "kill", "n2", "--dir", dir)
                            .exitCode())
                    .isZero();
            assertThat(ClusterCommandTest.sdlab("cluster", "status", "--dir", dir)
                            .exitCode())
                    .isEqualTo(1);
            produce(bootstrap, 30, 60); // taken once the controller has fenced n2 and shrunk the in-sync sets
            assertThat(ClusterCommandTest.sdlab("cluster", "fault", "restart", "n2", "--dir", dir)
                            .exitCode())
                    .isZero();
            awaitFullInSyncSets(bootstrap, Duration.ofSeconds(40));
        } finally {
            assertThat(ClusterCommandTest.sdlab("cluster", "stop", "--dir", dir).exitCode())
                    .isZero();
        }
    }

    private static void produce(String bootstrap, int from, int to) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("delivery.timeout.ms", "60000");
        props.put("request.timeout.ms", "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>("test", i % 3, "k" + i, "v" + i));
            }
            producer.flush();
            // A send that failed would throw here.
            producer.send(new ProducerRecord<>("test", 0, "last", "last")).get();
        }
    }

    /** Waits until every partition's in-sync set holds all three brokers again, as Metadata says. */
    private static void awaitFullInSyncSets(String bootstrap, Duration max) throws InterruptedException {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("metadata.max.age.ms", "500");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + max.toNanos();
            while (true) {
                List<PartitionInfo> partitions = consumer.partitionsFor("test", Duration.ofSeconds(10));
                if (partitions.stream().allMatch(p -> p.inSyncReplicas().length == 3)) {
                    return;
                }
                assertThat(System.nanoTime())
                        .as("n2 back in every in-sync set: " + partitions)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }
}
