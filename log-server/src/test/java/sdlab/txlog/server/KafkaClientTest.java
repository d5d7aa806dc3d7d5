package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unmodified Kafka Java client (kafka-clients 4.4) produces to and consumes from {@code sdlab node log}. */
class KafkaClientTest {
    static final String TOPIC = "orders";
    static final int PARTITIONS = 3;
    static final int RECORDS = 1000;

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, PARTITIONS)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anIdempotentProducersRecordsAreReadBackInOrderWithTheirKeysValuesAndOffsets() throws Exception {
        // What the producer was told, per partition: value -> offset.
        Map<Integer, Map<String, Long>> acked = new HashMap<>();
        try (KafkaProducer<String, String> producer = producer(server.port())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + (i % 7), "value-" + i)));
            }
            for (int i = 0; i < RECORDS; i++) {
                RecordMetadata metadata = sent.get(i).get();
                acked.computeIfAbsent(metadata.partition(), p -> new HashMap<>())
                        .put("value-" + i, metadata.offset());
            }
        }

        List<ConsumerRecord<String, String>> read = consumeAll(server.port(), TOPIC, PARTITIONS, RECORDS);

        assertThat(read).hasSize(RECORDS);
        Map<Integer, Long> nextOffset = new HashMap<>();
        Map<String, Integer> lastIndexByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : read) {
            int index = Integer.parseInt(record.value().substring("value-".length()));
            assertThat(record.key()).isEqualTo("key-" + (index % 7));
            // Offsets within a partition run 0, 1, 2, ... with no gap and no repeat.
            assertThat(record.offset()).isEqualTo(nextOffset.getOrDefault(record.partition(), 0L));
            nextOffset.put(record.partition(), record.offset() + 1);
            assertThat(acked.get(record.partition())).containsEntry(record.value(), record.offset());
            // A key's records stay in the order they were sent.
            assertThat(index).isGreaterThan(lastIndexByKey.getOrDefault(record.key(), -1));
            lastIndexByKey.put(record.key(), index);
        }
        assertThat(nextOffset.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(RECORDS);
    }

    @Test
    void aConsumerSeekingIntoTheMiddleOfABatchStartsThereAndSeesTheLogsEnds() throws Exception {
        int records = 100;
        try (KafkaProducer<String, String> producer = producer(server.port())) {
            // Sent without waiting, so the producer packs them into a few batches.
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, 0, "k", "v" + i)));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get();
            }
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A small fetch limit makes the consumer fetch from offsets inside batches it has part of.
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256);
        TopicPartition p0 = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(p0));
            assertThat(consumer.beginningOffsets(List.of(p0))).containsEntry(p0, 0L);
            assertThat(consumer.endOffsets(List.of(p0))).containsEntry(p0, (long) records);
            consumer.seek(p0, 37);
            List<Long> offsets = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (offsets.size() < records - 37 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.value()).isEqualTo("v" + record.offset());
                    offsets.add(record.offset());
                }
            }
            assertThat(offsets).first().isEqualTo(37L);
            assertThat(offsets).hasSize(records - 37).doesNotHaveDuplicates().isSorted();
        }
    }

    static KafkaProducer<String, String> producer(int port) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Test
    void metadataReportsEachPartitionsLeaderReplicasAndInSyncSetAsTheNodeKnowsThem() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + server.port());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));

            // A standalone node leads every partition alone: broker 0 is leader, the only replica and in sync.
            assertThat(partitions).hasSize(PARTITIONS).allSatisfy(info -> {
                assertThat(info.leader().id()).isZero();
                assertThat(info.replicas()).extracting(Node::id).containsExactly(0);
                assertThat(info.inSyncReplicas()).extracting(Node::id).containsExactly(0);
            });
        }
    }

    /** Reads every partition of {@code topic} from the beginning until {@code expected} records came (or 20 s). */
    static List<ConsumerRecord<String, String>> consumeAll(int port, String topic, int partitions, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            // One more poll: anything past the expected count would be a duplicate.
            consumer.poll(Duration.ofMillis(300)).forEach(read::add);
        }
        return read;
    }
}
