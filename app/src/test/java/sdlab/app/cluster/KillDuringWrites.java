package sdlab.app.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sdlab.core.NodeId;

/**
 * The crash experiment over real processes: writers loop {@code SET} on the primary n1 (each key written once), n1
 * is killed with SIGKILL while they run, the failover manager promotes a replica, and every write n1 acknowledged
 * is looked for on the new primary. A write whose connection broke before its reply is unknown and not counted.
 */
final class KillDuringWrites {
    /** What the run showed. */
    record Result(Set<String> acknowledged, List<String> lost, NodeId newPrimary, long failoverMillis) {}

    private KillDuringWrites() {}

    static Result run(ReplTestCluster cluster, int writers, Duration before) throws Exception {
        return run(cluster, writers, before, Duration.ZERO);
    }

    /**
     * As {@link #run(ReplTestCluster, int, Duration)}, but n1's frames to the replicas are dropped for {@code cutFor}
     * just before the kill: a window shorter than the semi-sync timeout in which a correct primary acknowledges
     * nothing (it waits for a replica), so any write acknowledged in it exists on n1 alone. Whether a bug shows then
     * no longer depends on the kill landing in the microseconds between an acknowledgement and its shipment.
     */
    static Result run(ReplTestCluster cluster, int writers, Duration before, Duration cutFor) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> writeUntilBroken(cluster, writer, acknowledged)));
        }
        Thread.sleep(before.toMillis());
        if (!cutFor.isZero()) {
            cluster.processes.partitionOneWay(ReplTestCluster.N1, ReplTestCluster.N2);
            cluster.processes.partitionOneWay(ReplTestCluster.N1, ReplTestCluster.N3);
            Thread.sleep(cutFor.toMillis());
        }
        long killedAt = System.nanoTime();
        cluster.processes.kill(ReplTestCluster.N1);
        if (!cutFor.isZero()) {
            cluster.processes.heal();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        NodeId promoted = cluster.awaitWritablePrimary(
                        List.of(ReplTestCluster.N2, ReplTestCluster.N3), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no replica took writes within 20 s of the kill"));
        long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        List<String> lost = new ArrayList<>();
        try (RespTestClient client = new RespTestClient(cluster.port(promoted))) {
            for (String key : acknowledged) {
                if (!key.equals(client.call("GET", key))) {
                    lost.add(key);
                }
            }
        }
        return new Result(Set.copyOf(acknowledged), List.copyOf(lost), promoted, failoverMillis);
    }

    /** Writes w<writer>-<i> = itself until the primary's connection breaks. */
    private static void writeUntilBroken(ReplTestCluster cluster, int writer, Set<String> acknowledged) {
        try (RespTestClient client = new RespTestClient(cluster.port(ReplTestCluster.N1))) {
            for (int i = 0; ; i++) {
                String key = "w" + writer + "-" + i;
                Object reply = client.call("SET", key, key);
                if (!"OK".equals(reply)) {
                    return; // refused: the primary stepped down or lost its lease
                }
                acknowledged.add(key);
            }
        } catch (IOException broken) {
            // the primary died: the write in flight is unknown
        }
    }
}
