package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A kafka-clients 4.4 transactional producer, and what read_committed and read_uncommitted consumers see. */
class TransactionsTest {
    static final String TOPIC = "payments";

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, 1)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readCommittedSeesCommittedTransactionsOnlyAndReadUncommittedSeesAll() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "payments-writer");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            transaction(producer, "committed-a", 4, true);
            transaction(producer, "aborted", 3, false);
            transaction(producer, "committed-b", 2, true);
        }

        assertThat(read("read_committed", 6))
                .containsExactly(
                        "committed-a-0",
                        "committed-a-1",
                        "committed-a-2",
                        "committed-a-3",
                        "committed-b-0",
                        "committed-b-1");
        assertThat(read("read_uncommitted", 9)).hasSize(9).contains("aborted-0", "aborted-2");
    }

    private static void transaction(KafkaProducer<String, String> producer, String name, int records, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(TOPIC, "k", name + "-" + i));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private List<String> read(String isolation, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p0 = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
