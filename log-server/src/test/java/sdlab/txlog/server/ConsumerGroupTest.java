package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kafka-clients 4.4 consumers in a group (the classic protocol) against {@code sdlab node log}. */
class ConsumerGroupTest {
    static final String TOPIC = "events";

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, 3)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSubscribedConsumerCommitsAndTheNextMemberOfTheGroupResumesAfterIt() throws Exception {
        send(0, 50);
        try (KafkaConsumer<String, String> first = consumer("resumers")) {
            first.subscribe(List.of(TOPIC));
            assertThat(pollUntil(first, 50, Duration.ofSeconds(20))).hasSize(50);
            first.commitSync();
        }
        send(50, 60);
        try (KafkaConsumer<String, String> second = consumer("resumers")) {
            second.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> read = pollUntil(second, 10, Duration.ofSeconds(20));
            // Only what came after the first consumer's commit: the committed offsets were found.
            assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(values(50, 60));
            assertThat(second.assignment()).hasSize(3);
        }
    }

    @Test
    void twoMembersOfAGroupSplitThePartitionsBetweenThem() {
        try (KafkaConsumer<String, String> a = consumer("splitters");
                KafkaConsumer<String, String> b = consumer("splitters")) {
            a.subscribe(List.of(TOPIC));
            b.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
            while (System.nanoTime() < deadline
                    && (a.assignment().isEmpty()
                            || b.assignment().isEmpty()
                            || a.assignment().size() + b.assignment().size() != 3)) {
                a.poll(Duration.ofMillis(100));
                b.poll(Duration.ofMillis(100));
            }
            assertThat(a.assignment()).isNotEmpty().doesNotContainAnyElementsOf(b.assignment());
            assertThat(b.assignment()).isNotEmpty();
            List<TopicPartition> all = new ArrayList<>(a.assignment());
            all.addAll(b.assignment());
            assertThat(all).extracting(TopicPartition::partition).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    private void send(int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = KafkaClientTest.producer(server.port())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> pollUntil(
            KafkaConsumer<String, String> consumer, int expected, Duration wait) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (read.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
        consumer.poll(Duration.ofMillis(300)).forEach(read::add);
        return read;
    }

    private static String[] values(int from, int to) {
        String[] out = new String[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = "v" + i;
        }
        return out;
    }
}
