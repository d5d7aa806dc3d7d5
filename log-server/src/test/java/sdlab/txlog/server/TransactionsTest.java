package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kafka-clients 4.4 transactional producers against the node, and what read_committed and read_uncommitted consumers
 * see: the node sends markers as control batches and aborted records with the aborted-transactions list, and the
 * unmodified consumer does the filtering, as it does against Kafka.
 */
class TransactionsTest {
    static final String TOPIC = "payments";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    LogServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new LogServer("127.0.0.1", 0, Map.of(TOPIC, 1)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Offsets: committed-a 0..3, commit marker 4, aborted 5..7, abort marker 8, committed-b 9..10, marker 11. */
    static void commitAbortCommit(int port) {
        try (KafkaProducer<String, String> producer = TxnClients.transactional(port, "payments-writer")) {
            producer.initTransactions();
            TxnClients.transaction(producer, TOPIC, "committed-a", 4, true);
            TxnClients.transaction(producer, TOPIC, "aborted", 3, false);
            TxnClients.transaction(producer, TOPIC, "committed-b", 2, true);
        }
    }

    @Test
    void readCommittedSeesCommittedRecordsOnlyWithTheMarkersGapsAndEndsPastTheLastMarker() {
        commitAbortCommit(server.port());

        TxnClients.Reading read = TxnClients.readUntil(server.port(), TOPIC, "read_committed", 12);

        assertThat(read.values())
                .containsExactly(
                        "committed-a-0",
                        "committed-a-1",
                        "committed-a-2",
                        "committed-a-3",
                        "committed-b-0",
                        "committed-b-1");
        assertThat(read.offsets()).containsExactly(0L, 1L, 2L, 3L, 9L, 10L);
        assertThat(read.position()).as("past the last commit marker").isEqualTo(12);
    }

    @Test
    void readUncommittedSeesAbortedRecordsTooButNeverAMarker() {
        commitAbortCommit(server.port());

        TxnClients.Reading read = TxnClients.readUntil(server.port(), TOPIC, "read_uncommitted", 12);

        assertThat(read.values()).hasSize(9).contains("aborted-0", "aborted-1", "aborted-2");
        assertThat(read.offsets()).containsExactly(0L, 1L, 2L, 3L, 5L, 6L, 7L, 9L, 10L);
        assertThat(read.position()).isEqualTo(12);
    }

    @Test
    void anOpenTransactionHoldsReadCommittedAtTheLastStableOffset() {
        commitAbortCommit(server.port());
        try (KafkaProducer<String, String> open = TxnClients.transactional(server.port(), "still-open")) {
            open.initTransactions();
            open.beginTransaction();
            open.send(new ProducerRecord<>(TOPIC, 0, "k", "open-0"));
            open.send(new ProducerRecord<>(TOPIC, 0, "k", "open-1"));
            open.flush();

            assertThat(endOffset("read_committed")).as("the LSO").isEqualTo(12);
            assertThat(endOffset("read_uncommitted")).as("the high watermark").isEqualTo(14);
            TxnClients.Reading read = TxnClients.readUntil(server.port(), TOPIC, "read_committed", 12);
            assertThat(read.values()).doesNotContain("open-0", "open-1");
            open.commitTransaction();
        }
        assertThat(TxnClients.readUntil(server.port(), TOPIC, "read_committed", 15)
                        .values())
                .endsWith("open-0", "open-1");
    }

    @Test
    void aSecondProducerWithTheSameTransactionalIdFencesTheFirstAndAbortsItsTransaction() {
        try (KafkaProducer<String, String> zombie = TxnClients.transactional(server.port(), "fenced");
                KafkaProducer<String, String> successor = TxnClients.transactional(server.port(), "fenced")) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>(TOPIC, 0, "k", "zombie-0"));
            zombie.flush();

            successor.initTransactions();
            assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class);
            TxnClients.transaction(successor, TOPIC, "successor", 1, true);
        }

        // zombie-0 0, abort marker 1, successor-0 2, commit marker 3.
        TxnClients.Reading read = TxnClients.readUntil(server.port(), TOPIC, "read_committed", 4);
        assertThat(read.values()).containsExactly("successor-0");
        assertThat(read.offsets()).containsExactly(2L);
    }

    private long endOffset(String isolation) {
        try (KafkaConsumer<String, String> consumer = TxnClients.consumer(server.port(), isolation, null)) {
            return consumer.endOffsets(List.of(P0)).get(P0);
        }
    }
}
