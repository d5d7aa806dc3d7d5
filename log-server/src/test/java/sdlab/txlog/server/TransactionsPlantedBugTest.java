package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import sdlab.txlog.TxLogConfig;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The wire tests can fail: the consumer filters with what the node sends, so a node that leaves the aborted
 * transactions out of its answer, or reads past the last stable offset, shows the read_committed consumer records it
 * must not see.
 */
class TransactionsPlantedBugTest {

    @Test
    void aNodeThatSendsNoAbortedTransactionsShowsAReadCommittedConsumerTheAbortedRecords() throws Exception {
        try (LogServer server = start(Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX)) {
            TransactionsTest.commitAbortCommit(server.port());

            TxnClients.Reading read = TxnClients.readUntil(server.port(), TransactionsTest.TOPIC, "read_committed", 12);

            assertThat(read.values()).contains("aborted-0", "aborted-1", "aborted-2");
        }
    }

    @Test
    void aNodeThatReadsPastTheLastStableOffsetShowsAReadCommittedConsumerAnOpenTransaction() throws Exception {
        try (LogServer server = start(Bug.READ_COMMITTED_PAST_LSO);
                KafkaProducer<String, String> open = TxnClients.transactional(server.port(), "still-open")) {
            open.initTransactions();
            open.beginTransaction();
            open.send(new ProducerRecord<>(TransactionsTest.TOPIC, 0, "k", "open-0"));
            open.flush();

            TxnClients.Reading read = TxnClients.readUntil(server.port(), TransactionsTest.TOPIC, "read_committed", 1);

            assertThat(read.values()).containsExactly("open-0");
        }
    }

    private static LogServer start(Bug bug) throws InterruptedException {
        TxLogConfig config = TxLogConfig.of(Map.of(TransactionsTest.TOPIC, 1)).withBug(bug);
        return new LogServer("127.0.0.1", 0, config).start();
    }
}
