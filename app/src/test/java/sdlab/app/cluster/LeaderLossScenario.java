package sdlab.app.cluster;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import sdlab.core.NodeId;

/**
 * A leader that dies holding records its followers never fetched. Partition 1's followers are stopped (SIGSTOP, as a
 * long pause), records are sent to partition 1, then its leader is killed (SIGKILL) and the followers resume; the
 * controller fences the dead leader and elects a follower, which never had those records. Kafka's promise is that
 * none of them was acknowledged with acks=all: the producer retries them on the new leader, and the read-back check
 * holds. A leader that answers acks=all alone breaks it, and the check reports the records it acknowledged as lost.
 *
 * <p>The records are sent only once the leader has let go of the fetches the followers sent before they stopped: a
 * leader holds an idle follower's fetch and answers it the moment records arrive, and that answer would wait in the
 * stopped follower's socket buffer and reach it when it resumes, so the follower would have the records after all.
 */
final class LeaderLossScenario {
    /**
     * With {@link #HELD_FETCHES_ANSWERED}, under the controller's session timeout, so that the stopped followers are
     * not fenced themselves.
     */
    private static final Duration PAUSE = Duration.ofMillis(1_000);

    /** Past the end of the wait of the last fetch each follower sent before it stopped. */
    private static final Duration HELD_FETCHES_ANSWERED =
            Duration.ofMillis(LogClusterMechanism.REPLICA_FETCH_WAIT_MAX_MS + 200);

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final int RECORDS_WHILE_PAUSED = 20;

    /** What happened, and the check's verdict. */
    record Outcome(int acknowledgedWhilePaused, List<String> problems) {}

    private LeaderLossScenario() {}

    static Outcome run(LogTestCluster cluster) throws Exception {
        LogTraffic traffic;
        int acknowledgedWhilePaused;
        try (KafkaProducer<String, String> producer = cluster.producer(60_000);
                KafkaConsumer<String, String> observer = cluster.consumer(null)) {
            traffic = new LogTraffic(producer);
            for (int i = 0; i < 30; i++) {
                traffic.sendTo(1);
            }
            producer.flush(); // partition 1 is led and replicated: the producer knows its leader
            int leaderId = LogTraffic.leaders(observer).get(1);
            List<NodeId> followers = List.of(1, 2, 3).stream()
                    .filter(id -> id != leaderId)
                    .map(LogTestCluster::node)
                    .toList();
            int acknowledgedBefore = traffic.acknowledged();
            followers.forEach(cluster.processes::pause);
            try {
                Thread.sleep(HELD_FETCHES_ANSWERED.toMillis());
                for (int i = 0; i < RECORDS_WHILE_PAUSED; i++) {
                    traffic.sendTo(1);
                }
                Thread.sleep(PAUSE.toMillis());
                acknowledgedWhilePaused = traffic.acknowledged() - acknowledgedBefore;
                cluster.processes.kill(LogTestCluster.node(leaderId));
            } finally {
                followers.forEach(cluster.processes::resume);
            }
            producer.flush();
        }
        List<String> problems;
        try (KafkaConsumer<String, String> consumer = cluster.consumer(null)) {
            problems = ReadBackCheck.problems(traffic.outcomes(), LogTraffic.readAll(consumer, WAIT));
        }
        System.out.printf(
                "leader loss: %d of %d records acknowledged while the followers were stopped; the check: %s%n",
                acknowledgedWhilePaused, RECORDS_WHILE_PAUSED, problems.isEmpty() ? "holds" : problems);
        return new Outcome(acknowledgedWhilePaused, problems);
    }
}
