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
import org.junit.jupiter.api.Test;
import sdlab.txlog.Retention;

/**
 * Retention as a Kafka consumer meets it: the earliest offset moves past what retention deleted, and a consumer that
 * asks for offset 0 is told OFFSET_OUT_OF_RANGE and, with {@code auto.offset.reset=earliest}, reads from the first
 * record still kept.
 */
class RetentionOverKafkaTest {
    private static final String TOPIC = "events";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);
    private static final int RECORDS = 400;

    /** The earliest offset after {@code RECORDS} one-record batches and two retention checks, and the first read. */
    private static List<Long> earliestAndFirstRead(Retention retention) throws Exception {
        try (LogServer server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, 1), 1, retention).start()) {
            try (KafkaProducer<String, String> producer = KafkaClientTest.producer(server.port())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "value-" + i)).get(); // one batch each
                }
            }
            Thread.sleep(2_500); // two of the broker's 1 s retention checks
            try (KafkaConsumer<String, String> consumer = consumer(server.port())) {
                long earliest = consumer.beginningOffsets(List.of(PARTITION)).get(PARTITION);
                consumer.assign(List.of(PARTITION));
                consumer.seek(PARTITION, 0);
                List<ConsumerRecord<String, String>> read = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (read.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                }
                assertThat(read).as("records read from offset 0 on").isNotEmpty();
                return List.of(earliest, read.getFirst().offset());
            }
        }
    }

    @Test
    void theEarliestOffsetMovesWithRetentionAndAConsumerAtZeroIsResetToIt() throws Exception {
        List<Long> limited = earliestAndFirstRead(new Retention(4_000, -1, 1_000));

        assertThat(limited.getFirst()).as("earliest offset").isPositive().isLessThan(RECORDS);
        assertThat(limited.get(1)).as("first offset read after the reset").isEqualTo(limited.getFirst());
    }

    @Test
    void withoutRetentionTheLogStartsAtZero() throws Exception {
        assertThat(earliestAndFirstRead(Retention.unlimited())).containsExactly(0L, 0L);
    }

    private static KafkaConsumer<String, String> consumer(int port) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
