package sdlab.app.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The kafka-clients programs of the cross-broker transaction tests: a transactional producer that writes the same
 * number of records to every partition of {@link LogTestCluster#TOPIC} in one transaction, and readers at either
 * isolation level that read every partition from its start to its end offset (the LSO for read_committed).
 */
final class SpanningTransactions {
    static final int PARTITIONS = 3;

    /** What a reader saw on each partition (offsets and values), and where its position ended. */
    record Reading(Map<Integer, List<Long>> offsets, Map<Integer, List<String>> values, Map<Integer, Long> positions) {
        int records() {
            return values.values().stream().mapToInt(List::size).sum();
        }
    }

    private SpanningTransactions() {}

    static KafkaProducer<String, String> producer(LogTestCluster cluster, String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // Bounds on a loaded machine's JVMs, not figures.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        props.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, 2_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code perPartition} records named {@code name-p-i} to every partition inside the open transaction. */
    static void sendToEveryPartition(KafkaProducer<String, String> producer, String name, int perPartition) {
        for (int i = 0; i < perPartition; i++) {
            for (int p = 0; p < PARTITIONS; p++) {
                producer.send(new ProducerRecord<>(LogTestCluster.TOPIC, p, "k" + p, name + "-" + p + "-" + i));
            }
        }
    }

    static KafkaConsumer<String, String> consumer(LogTestCluster cluster, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    static List<TopicPartition> partitions() {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            all.add(new TopicPartition(LogTestCluster.TOPIC, p));
        }
        return all;
    }

    /**
     * Each partition's end offset at {@code isolation}, once every one is at least {@code atLeast} or {@code max} has
     * passed: read_committed's end is the last stable offset, which reaches a transaction's marker only once the
     * marker is written on that partition's leader.
     */
    static Map<Integer, Long> awaitEnds(LogTestCluster cluster, String isolation, long atLeast, Duration max)
            throws InterruptedException {
        try (KafkaConsumer<String, String> consumer = consumer(cluster, isolation)) {
            return awaitEnds(consumer, atLeast, max);
        }
    }

    /** The same with a consumer already connected, so that the wait measures the brokers, not a client's start. */
    static Map<Integer, Long> awaitEnds(KafkaConsumer<String, String> consumer, long atLeast, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        Map<Integer, Long> ends = ends(consumer);
        while (ends.values().stream().anyMatch(end -> end < atLeast) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            ends = ends(consumer);
        }
        return ends;
    }

    private static Map<Integer, Long> ends(KafkaConsumer<String, String> consumer) {
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions(), Duration.ofSeconds(20)).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    /** Reads every partition from its start until its position reaches its end offset at {@code isolation}. */
    static Reading readAll(LogTestCluster cluster, String isolation, Duration max) {
        try (KafkaConsumer<String, String> consumer = consumer(cluster, isolation)) {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, max);
            Map<Integer, List<Long>> offsets = new HashMap<>();
            Map<Integer, List<String>> values = new HashMap<>();
            partitions.forEach(tp -> {
                offsets.put(tp.partition(), new ArrayList<>());
                values.put(tp.partition(), new ArrayList<>());
            });
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    offsets.get(record.partition()).add(record.offset());
                    values.get(record.partition()).add(record.value());
                }
            }
            Map<Integer, Long> positions = new HashMap<>();
            partitions.forEach(tp -> positions.put(tp.partition(), consumer.position(tp)));
            return new Reading(offsets, values, positions);
        }
    }
}
