package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;

/**
 * Preferred-leader election on real processes ({@code cluster start log --leader-imbalance-check-ms 1000}): partition
 * 1's preferred replica is broker 2 (the first of its replicas). It is killed while a producer keeps sending
 * ({@code acks=all}, idempotent); another broker takes partition 1 over; broker 2 is restarted with an empty log,
 * catches up, rejoins the in-sync set, and Metadata names it partition 1's leader again. Every acknowledged record is
 * read back exactly once at its offset, across both moves.
 */
class LogPreferredLeaderClusterTest {
    /** Bounds on waits, not figures: four JVMs on a loaded 2-core machine can take many seconds to come up. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final int PREFERRED = 2;

    @Test
    void leadershipGoesBackToTheRestartedPreferredReplicaAndNoAcknowledgedRecordIsLost(@TempDir Path directory)
            throws Exception {
        try (LogTestCluster cluster = LogTestCluster.start(directory, Map.of("leader-imbalance-check-ms", "1000"))) {
            LogTraffic traffic;
            long takeoverMillis;
            long backMillis;
            try (KafkaProducer<String, String> producer = cluster.producer(60_000);
                    KafkaConsumer<String, String> observer = cluster.consumer(null)) {
                traffic = new LogTraffic(producer);
                LogClusterKafkaTest.Sender sender = new LogClusterKafkaTest.Sender(traffic);
                sender.start();
                try {
                    // A broker that came up after the controller's session timeout was fenced and led nothing at
                    // first; the move puts it back, so wait for that before the kill.
                    awaitLeaderOfPartitionOne(observer, id -> id == PREFERRED);
                    awaitAcks(traffic, 150);
                    NodeId preferred = LogTestCluster.node(PREFERRED);
                    long killedAt = System.nanoTime();
                    cluster.processes.kill(preferred);
                    awaitLeaderOfPartitionOne(observer, id -> id != PREFERRED && id != -1);
                    takeoverMillis =
                            Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                    awaitAcks(traffic, traffic.acknowledged() + 150);
                    long restartedAt = System.nanoTime();
                    cluster.processes.restart(preferred);
                    awaitLeaderOfPartitionOne(observer, id -> id == PREFERRED);
                    backMillis =
                            Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
                    awaitAcks(traffic, traffic.acknowledged() + 150);
                } finally {
                    sender.stopAndJoin();
                }
                producer.flush();
            }
            List<ReadBackCheck.Read> read;
            try (KafkaConsumer<String, String> consumer = cluster.consumer(null)) {
                read = LogTraffic.readAll(consumer, WAIT);
            }
            System.out.printf(
                    "log cluster: killed broker %d; another led partition 1 %d ms later; broker %d led it again %d ms"
                            + " after its restart; %d sent, %d acknowledged%n",
                    PREFERRED, takeoverMillis, PREFERRED, backMillis, traffic.sent(), traffic.acknowledged());
            assertThat(ReadBackCheck.problems(traffic.outcomes(), read)).isEmpty();
        }
    }

    private static void awaitLeaderOfPartitionOne(KafkaConsumer<String, String> observer, IntPredicate wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Map<Integer, Integer> leaders = LogTraffic.leaders(observer);
            if (wanted.test(leaders.getOrDefault(1, -1))) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("partition 1's leader, now " + leaders)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitAcks(LogTraffic traffic, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (traffic.acknowledged() < count) {
            assertThat(System.nanoTime()).as(count + " records acknowledged").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
