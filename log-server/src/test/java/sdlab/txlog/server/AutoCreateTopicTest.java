package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A producer that writes to a topic the broker was not started with: created on first use with the broker's
 * partition count, as Kafka's {@code auto.create.topics.enable} does, unless the broker was told not to.
 */
class AutoCreateTopicTest {
    private static final String FRESH = "fresh-topic";

    @Test
    void aTopicAProducerNamesIsCreatedWithTheBrokersPartitionsAndReadBack() throws Exception {
        try (LogServer server = new LogServer("127.0.0.1", 0, Map.of("test", 1), 2).start()) {
            try (KafkaProducer<String, String> producer = KafkaClientTest.producer(server.port())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(FRESH, i % 2, null, "v" + i))
                            .get();
                }
            }
            try (KafkaConsumer<String, String> consumer = consumer(server.port())) {
                assertThat(consumer.partitionsFor(FRESH, Duration.ofSeconds(10)))
                        .hasSize(2);
                List<TopicPartition> partitions = List.of(new TopicPartition(FRESH, 0), new TopicPartition(FRESH, 1));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                List<String> read = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (read.size() < 10 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        read.add(record.value());
                    }
                }
                assertThat(read).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
            }
        }
    }

    @Test
    void aBrokerThatCreatesNoTopicsLeavesTheProducerWaitingForMetadata() throws Exception {
        try (LogServer server = new LogServer("127.0.0.1", 0, Map.of("test", 1), 0).start()) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_500);
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                assertThatThrownBy(() ->
                                producer.send(new ProducerRecord<>(FRESH, "v")).get())
                        .isInstanceOfAny(ExecutionException.class, TimeoutException.class)
                        .satisfies(e -> assertThat(e.getMessage()).contains(FRESH));
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(int port) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
