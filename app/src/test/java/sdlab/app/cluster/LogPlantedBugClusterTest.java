package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log cluster's checks can fail. A leader that answers acks=all before any follower has the record (the node's
 * planted bug) loses acknowledged records when it is killed. With the door's planted bug, every broker's Metadata names the broker after the real
 * leader: the client sends each partition's writes to a follower, which turns them away with NOT_LEADER_OR_FOLLOWER,
 * asks again, is misled again, and gives up at its delivery timeout; the read-back check reports every record as not
 * acknowledged. {@link LogClusterKafkaTest} is the same check passing without the bug.
 */
class LogPlantedBugClusterTest {
    private static final int DELIVERY_TIMEOUT_MS = 5_000;

    /** The contrast of {@link LogClusterKafkaTest}'s test of the same scenario, where nothing is acknowledged. */
    @Test
    void aLeaderThatAnswersAcksAllAloneLosesAcknowledgedRecordsWhenItDies(@TempDir Path directory) throws Exception {
        try (LogTestCluster cluster =
                LogTestCluster.start(directory, Map.of("planted-bug", "high-watermark-from-leader-alone"))) {
            LeaderLossScenario.Outcome outcome = LeaderLossScenario.run(cluster);

            assertThat(outcome.acknowledgedWhilePaused()).isPositive();
            assertThat(outcome.problems()).isNotEmpty().anyMatch(problem -> problem.startsWith("lost: p1-"));
        }
    }

    /**
     * The contrast of {@link LogClusterTransactionsTest}: a coordinator that writes markers only into the partition its
     * own broker leads commits that one; the other two brokers' partitions never get a marker, so their last stable
     * offset stays at the transaction's first record and read_committed reads nothing there.
     */
    @Test
    void aCoordinatorThatWritesMarkersOnlyOnItsOwnBrokerLeavesTheOtherBrokersPartitionsUnreadable(
            @TempDir Path directory) throws Exception {
        try (LogTestCluster cluster =
                LogTestCluster.start(directory, Map.of("planted-bug", "txn-markers-only-on-own-broker"))) {
            LogClusterTransactionsTest.awaitOneLeaderPerBroker(cluster);
            try (KafkaProducer<String, String> producer = SpanningTransactions.producer(cluster, "spanning")) {
                producer.initTransactions();
                producer.beginTransaction();
                SpanningTransactions.sendToEveryPartition(
                        producer, "committed", LogClusterTransactionsTest.PER_PARTITION);
                producer.commitTransaction();
            }
            // Given the time the fixed cluster needs many times over: the stuck partitions do not move.
            Map<Integer, Long> ends =
                    SpanningTransactions.awaitEnds(cluster, "read_committed", 11, Duration.ofSeconds(10));
            SpanningTransactions.Reading committed =
                    SpanningTransactions.readAll(cluster, "read_committed", Duration.ofSeconds(10));

            assertThat(ends.values()).containsExactlyInAnyOrder(11L, 0L, 0L);
            assertThat(committed.records()).isEqualTo(LogClusterTransactionsTest.PER_PARTITION);
        }
    }

    @Test
    void aMetadataThatNamesTheWrongLeaderLeavesEveryWriteUnacknowledged(@TempDir Path directory) throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of("planted-bug", "metadata-wrong-leader"))) {
            LogTraffic traffic;
            try (KafkaConsumer<String, String> observer = cluster.consumer(null);
                    KafkaProducer<String, String> producer = cluster.producer(DELIVERY_TIMEOUT_MS)) {
                // Each partition's leader is named one broker on: 0 is led by 1, named 2, and so on.
                assertThat(LogTraffic.awaitLeaders(observer, Map.of(0, 2, 1, 3, 2, 1), Duration.ofSeconds(40)))
                        .containsExactlyInAnyOrderEntriesOf(Map.of(0, 2, 1, 3, 2, 1));
                traffic = new LogTraffic(producer);
                for (int i = 0; i < 30; i++) {
                    traffic.sendNext();
                }
                producer.flush();
            }
            // Nothing can be read back either: the consumer's ListOffsets and Fetch are misrouted alike.
            List<String> problems = ReadBackCheck.problems(traffic.outcomes(), List.of());
            assertThat(traffic.acknowledged()).isZero();
            assertThat(problems).isNotEmpty().allMatch(problem -> problem.startsWith("not acknowledged"));
        }
    }
}
