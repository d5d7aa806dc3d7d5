package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;

/**
 * The replicated log as real processes ({@code sdlab cluster start log}: three brokers and their controller) under the
 * unmodified Kafka Java client. The client finds each partition's leader from Metadata and is turned away by the
 * others with NOT_LEADER_OR_FOLLOWER; a consumer group reads everything back; and when a partition's leader is killed
 * with SIGKILL while the producer keeps sending (acks=all, idempotent, min.insync.replicas 2), the controller elects a
 * new leader from the in-sync set, the client's retries reach it, and every acknowledged record is read back exactly
 * once, in order, at the offset it was acknowledged at.
 */
class LogClusterKafkaTest {
    /** Bounds on waits, not figures: four JVMs on a loaded 2-core machine can take many seconds to come up. */
    private static final Duration WAIT = Duration.ofSeconds(40);

    private static final int DELIVERY_TIMEOUT_MS = 60_000;

    @Test
    void partitionsLedByDifferentBrokersTakeWritesAndAGroupReadsThemBack(@TempDir Path directory) throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of())) {
            LogTraffic traffic;
            try (KafkaProducer<String, String> producer = cluster.producer(DELIVERY_TIMEOUT_MS)) {
                traffic = new LogTraffic(producer);
                for (int i = 0; i < 300; i++) {
                    traffic.sendNext();
                }
                producer.flush();
            }
            List<ReadBackCheck.Read> read = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = cluster.consumer("readers")) {
                // The controller puts partition k's leader on broker k+1, one partition on each broker; a broker that
                // came up after the controller's 3 s session timeout (a loaded machine) was fenced, and another replica
                // leads its partition until the next imbalance check moves it back.
                assertThat(LogTraffic.awaitLeaders(consumer, Map.of(0, 1, 1, 2, 2, 3), WAIT))
                        .containsExactlyInAnyOrderEntriesOf(Map.of(0, 1, 1, 2, 2, 3));
                consumer.subscribe(List.of(LogTestCluster.TOPIC));
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (read.size() < 300 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        read.add(new ReadBackCheck.Read(record.partition(), record.offset(), record.value()));
                    }
                }
                consumer.commitSync();
            }
            assertThat(traffic.acknowledged()).isEqualTo(300);
            assertThat(ReadBackCheck.problems(traffic.outcomes(), read)).isEmpty();
            assertThat(read).hasSize(300);
        }
    }

    @Test
    void killingALeaderWhileProducingLosesAndRepeatsNoAcknowledgedRecord(@TempDir Path directory) throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of())) {
            int killedBrokerId;
            LogTraffic traffic;
            long failoverMillis;
            try (KafkaProducer<String, String> producer = cluster.producer(DELIVERY_TIMEOUT_MS);
                    KafkaConsumer<String, String> observer = cluster.consumer(null)) {
                traffic = new LogTraffic(producer);
                Sender sender = new Sender(traffic);
                sender.start();
                try {
                    awaitAcks(traffic, 150);
                    killedBrokerId = LogTraffic.leaders(observer).get(1);
                    NodeId killed = LogTestCluster.node(killedBrokerId);
                    int sentAtKill = traffic.sent();
                    long killedAt = System.nanoTime();
                    cluster.processes.kill(killed);
                    int firstAfter = awaitAckOfPartitionOneSentAfter(traffic, sentAtKill);
                    failoverMillis =
                            Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                    awaitAcks(traffic, traffic.acknowledged() + 150);
                    assertThat(firstAfter).isGreaterThanOrEqualTo(sentAtKill);
                } finally {
                    sender.stopAndJoin();
                }
                producer.flush();
                assertThat(LogTraffic.leaders(observer).get(1))
                        .as("partition 1's leader after the kill")
                        .isNotIn(killedBrokerId, -1);
            }
            List<ReadBackCheck.Read> read;
            try (KafkaConsumer<String, String> consumer = cluster.consumer(null)) {
                read = LogTraffic.readAll(consumer, WAIT);
            }
            System.out.printf(
                    "log cluster: killed broker %d (partition 1's leader); %d sent, %d acknowledged; partition 1"
                            + " took writes again %d ms after the kill%n",
                    killedBrokerId, traffic.sent(), traffic.acknowledged(), failoverMillis);
            assertThat(ReadBackCheck.problems(traffic.outcomes(), read)).isEmpty();
        }
    }

    @Test
    void aLeaderKilledWithRecordsItsFollowersNeverFetchedHadAcknowledgedNoneOfThem(@TempDir Path directory)
            throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of())) {
            LeaderLossScenario.Outcome outcome = LeaderLossScenario.run(cluster);

            assertThat(outcome.acknowledgedWhilePaused()).isZero();
            assertThat(outcome.problems()).isEmpty();
        }
    }

    private static void awaitAcks(LogTraffic traffic, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (traffic.acknowledged() < count) {
            assertThat(System.nanoTime()).as(count + " records acknowledged").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The number of the first send to partition 1 made at or after {@code sentAtKill} that the leader acknowledged. */
    private static int awaitAckOfPartitionOneSentAfter(LogTraffic traffic, int sentAtKill) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (int i = sentAtKill; i < traffic.sent(); i++) {
                ReadBackCheck.Sent outcome = traffic.outcome(i);
                if (outcome != null && outcome.partition() == 1 && outcome.ackedOffset() >= 0) {
                    return i;
                }
            }
            assertThat(System.nanoTime())
                    .as("a record to partition 1 acknowledged after its leader was killed")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Keeps sending, a record every millisecond or so, until stopped. */
    static final class Sender extends Thread {
        private final LogTraffic traffic;
        private volatile boolean stopped;

        Sender(LogTraffic traffic) {
            super("log-test-sender");
            this.traffic = traffic;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!stopped && traffic.sent() < LogTraffic.SENDS_MAX) {
                    traffic.sendNext();
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stopAndJoin() throws InterruptedException {
            stopped = true;
            join(10_000);
        }
    }
}
