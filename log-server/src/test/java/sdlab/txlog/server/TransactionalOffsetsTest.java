package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consume-transform-produce loop written with kafka-clients, as a Kafka Streams-style job would be: it reads "in",
 * writes "out" and commits its input offsets with {@code sendOffsetsToTransaction}, all in one transaction. The
 * group's committed offset moves only when the transaction commits; while it is open, a member of the group that asks
 * for its committed offset waits for it (UNSTABLE_OFFSET_COMMIT), as against Kafka.
 */
class TransactionalOffsetsTest {
    static final String GROUP = "uppercase";
    static final TopicPartition IN = new TopicPartition("in", 0);

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of("in", 1, "out", 1)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAbortedRoundLeavesTheGroupsOffsetAndACommittedRoundMovesIt() throws Exception {
        try (KafkaProducer<String, String> plain = KafkaClientTest.producer(server.port())) {
            for (int i = 0; i < 4; i++) {
                plain.send(new ProducerRecord<>("in", 0, "k", "in-" + i)).get();
            }
        }
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(server.port(), "read_committed", GROUP);
                KafkaProducer<String, String> producer = TxnClients.transactional(server.port(), "uppercase-job")) {
            consumer.assign(List.of(IN));
            producer.initTransactions();

            round(consumer, producer, "aborted", false);
            assertThat(committed(consumer)).as("after the abort").isNull();

            consumer.seek(IN, 0); // an aborted round is redone from the last committed offset
            round(consumer, producer, "committed", true);
            assertThat(committed(consumer)).as("after the commit").isEqualTo(4);
        }

        // 4 aborted outputs 0..3, abort marker 4, 4 committed outputs 5..8, commit marker 9.
        assertThat(TxnClients.readUntil(server.port(), "out", "read_committed", 10)
                        .values())
                .containsExactly("committed-IN-0", "committed-IN-1", "committed-IN-2", "committed-IN-3");
        try (KafkaConsumer<String, String> another = TxnClients.consumer(server.port(), "read_uncommitted", GROUP)) {
            assertThat(another.committed(Set.of(IN)).get(IN).offset())
                    .as("what a new member of the group starts from")
                    .isEqualTo(4);
        }
    }

    /** One round: read all four inputs, write them transformed, send the offsets, and commit or abort. */
    private void round(
            KafkaConsumer<String, String> consumer,
            KafkaProducer<String, String> producer,
            String name,
            boolean commit) {
        TxnClients.Reading inputs = TxnClients.pollUntil(consumer, IN, 4);
        assertThat(inputs.values()).hasSize(4);
        producer.beginTransaction();
        inputs.records()
                .forEach(record -> producer.send(new ProducerRecord<>(
                        "out", 0, record.key(), name + "-" + record.value().toUpperCase(Locale.ROOT))));
        producer.sendOffsetsToTransaction(
                Map.of(IN, new OffsetAndMetadata(inputs.position())), consumer.groupMetadata());
        // Pending offsets are nobody's yet: kafka-clients asks for stable offsets, gets UNSTABLE_OFFSET_COMMIT and asks
        // again, so no member of the group gets an answer while the transaction is open.
        assertThatThrownBy(() -> consumer.committed(Set.of(IN), Duration.ofMillis(300)))
                .as("pending inside the transaction")
                .isInstanceOf(TimeoutException.class);
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static Long committed(KafkaConsumer<String, String> consumer) {
        OffsetAndMetadata committed = consumer.committed(Set.of(IN)).get(IN);
        return committed == null ? null : committed.offset();
    }
}
