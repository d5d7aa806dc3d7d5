package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions across brokers, as real processes under the unmodified Kafka Java client: three brokers each lead one
 * partition, so a transactional producer that writes to all three has one coordinator (the broker its transactional id
 * hashes to) and two partitions led by other brokers, whose markers travel as WriteTxnMarker over the brokers' own
 * connections. A committed transaction is read whole at read_committed on every partition; an aborted one is read by
 * read_uncommitted only; each transaction's marker leaves its offset gap on every partition.
 * {@link LogPlantedBugClusterTest} runs the commit with a coordinator that writes markers only where its broker leads.
 */
class LogClusterTransactionsTest {
    /** Bounds on waits, not figures: four JVMs on a loaded 2-core machine can take many seconds to come up. */
    static final Duration WAIT = Duration.ofSeconds(40);

    static final int PER_PARTITION = 10;

    @Test
    void aTransactionOverEveryBrokersPartitionCommitsOnAllAndAnAbortedOneIsReadOnlyUncommitted(@TempDir Path directory)
            throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of())) {
            awaitOneLeaderPerBroker(cluster);
            long commitCallMs;
            long visibleMs;
            try (KafkaProducer<String, String> producer = SpanningTransactions.producer(cluster, "spanning");
                    KafkaConsumer<String, String> watcher = SpanningTransactions.consumer(cluster, "read_committed")) {
                producer.initTransactions();
                producer.beginTransaction();
                SpanningTransactions.sendToEveryPartition(producer, "committed", PER_PARTITION);
                producer.flush();
                assertThat(SpanningTransactions.awaitEnds(watcher, 1, Duration.ZERO))
                        .as("read_committed ends while the transaction is open")
                        .containsOnly(Map.entry(0, 0L), Map.entry(1, 0L), Map.entry(2, 0L));
                long commitAt = System.nanoTime();
                producer.commitTransaction();
                commitCallMs = Duration.ofNanos(System.nanoTime() - commitAt).toMillis();
                Map<Integer, Long> ends = SpanningTransactions.awaitEnds(watcher, PER_PARTITION + 1, WAIT);
                visibleMs = Duration.ofNanos(System.nanoTime() - commitAt).toMillis();
                assertThat(ends).containsOnly(Map.entry(0, 11L), Map.entry(1, 11L), Map.entry(2, 11L));

                producer.beginTransaction();
                SpanningTransactions.sendToEveryPartition(producer, "aborted", PER_PARTITION);
                producer.flush();
                producer.abortTransaction();
            }
            // The abort's markers end the second transaction on every partition: records 11-20, marker 21, end 22.
            assertThat(SpanningTransactions.awaitEnds(cluster, "read_committed", 2 * PER_PARTITION + 2, WAIT))
                    .containsOnly(Map.entry(0, 22L), Map.entry(1, 22L), Map.entry(2, 22L));
            SpanningTransactions.Reading committed = SpanningTransactions.readAll(cluster, "read_committed", WAIT);
            SpanningTransactions.Reading uncommitted = SpanningTransactions.readAll(cluster, "read_uncommitted", WAIT);
            System.out.printf(
                    "log cluster: a transaction of %d records over 3 brokers; commitTransaction took %d ms, all three"
                            + " partitions readable at read_committed %d ms after the call%n",
                    3 * PER_PARTITION, commitCallMs, visibleMs);

            for (int p = 0; p < SpanningTransactions.PARTITIONS; p++) {
                assertThat(committed.values().get(p))
                        .as("read_committed, partition %d", p)
                        .containsExactlyElementsOf(names("committed", p));
                assertThat(committed.offsets().get(p))
                        .as("offsets, partition %d", p)
                        .containsExactlyElementsOf(range(0, 10));
                assertThat(uncommitted.offsets().get(p))
                        .as("read_uncommitted offsets, partition %d: the commit marker at 10 is a gap", p)
                        .containsExactlyElementsOf(concat(range(0, 10), range(11, 21)));
                assertThat(committed.positions().get(p)).isEqualTo(22);
                assertThat(uncommitted.positions().get(p)).isEqualTo(22);
            }
            assertThat(committed.records()).isEqualTo(3 * PER_PARTITION);
            assertThat(uncommitted.records()).isEqualTo(6 * PER_PARTITION);
        }
    }

    /** Waits until Metadata names broker k+1 as partition k's leader, so the transaction spans all three brokers. */
    static void awaitOneLeaderPerBroker(LogTestCluster cluster) throws InterruptedException {
        try (KafkaConsumer<String, String> observer = cluster.consumer(null)) {
            assertThat(LogTraffic.awaitLeaders(observer, Map.of(0, 1, 1, 2, 2, 3), WAIT))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 1, 2, 2, 3));
        }
    }

    static List<String> names(String name, int partition) {
        return LongStream.range(0, PER_PARTITION)
                .mapToObj(i -> name + "-" + partition + "-" + i)
                .toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
