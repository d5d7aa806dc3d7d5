package sdlab.txlog.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/** The kafka-clients programs the transaction tests run against the node: producers, and readers of one partition. */
final class TxnClients {
    /** A bound on waiting for the node, never an assertion: a read that stops here fails on what it did not see. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** What a reader saw, and where its position ended. */
    record Reading(List<ConsumerRecord<String, String>> records, long position) {
        List<String> values() {
            return records.stream().map(ConsumerRecord::value).toList();
        }

        List<Long> offsets() {
            return records.stream().map(ConsumerRecord::offset).toList();
        }
    }

    private TxnClients() {}

    static KafkaProducer<String, String> transactional(int port, String transactionalId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** One transaction of {@code records} values named {@code name-i}, committed or aborted. */
    static void transaction(
            KafkaProducer<String, String> producer, String topic, String name, int records, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, 0, "k", name + "-" + i));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    static KafkaConsumer<String, String> consumer(int port, String isolation, String groupId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Reads partition 0 of {@code topic} from the start until the position reaches {@code end} (or patience ends). */
    static Reading readUntil(int port, String topic, String isolation, long end) {
        try (KafkaConsumer<String, String> consumer = consumer(port, isolation, null)) {
            TopicPartition p0 = new TopicPartition(topic, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            return pollUntil(consumer, p0, end);
        }
    }

    /** Polls an assigned consumer until its position on {@code tp} reaches {@code end} (or patience ends). */
    /**
     * Waits (up to the patience) until no transaction holds {@code tp}'s last stable offset below its log end. Kafka
     * answers a commit or an abort once the decision is logged and writes the markers after, so a reader that starts
     * right after the producer's commit returned may find the LSO still behind; both sides are read after this.
     */
    static void awaitMarkers(int port, TopicPartition tp) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (KafkaConsumer<String, String> committed = consumer(port, "read_committed", null);
                KafkaConsumer<String, String> all = consumer(port, "read_uncommitted", null)) {
            while (committed.endOffsets(List.of(tp)).get(tp)
                            < all.endOffsets(List.of(tp)).get(tp)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for markers", e);
        }
    }

    static Reading pollUntil(KafkaConsumer<String, String> consumer, TopicPartition tp, long end) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (consumer.position(tp) < end && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return new Reading(records, consumer.position(tp));
    }
}
