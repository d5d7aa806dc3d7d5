package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.N1;
import static sdlab.app.cluster.ReplTestCluster.N2;
import static sdlab.app.cluster.ReplTestCluster.N3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;

/**
 * The same crash as the semi-sync test, in asynchronous mode: the primary acknowledges a write once its own log is
 * synced, so a SIGKILL can take acknowledged writes with it that no replica received. The test measures how many
 * (it prints them; the number depends on timing and may be zero) and checks what must hold whatever the number:
 * the failover happens and the promoted replica holds every acknowledged write except the lost ones.
 */
class ReplAsyncClusterTest {

    @Test
    void asynchronousReplicationMayLoseAcknowledgedWritesOnKillAndTheRunMeasuresHowMany(@TempDir Path directory)
            throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "async"))) {
            assertThat(cluster.info(N1, "rpl_semi_sync_master_status")).isNull();

            KillDuringWrites.Result result = KillDuringWrites.run(cluster, 4, Duration.ofMillis(1500));

            System.out.printf(
                    "async: %d writes acknowledged, %d lost after SIGKILL of n1 (%s); %s promoted, writable %d ms after"
                            + " the kill%n",
                    result.acknowledged().size(),
                    result.lost().size(),
                    result.lost().stream().limit(8).toList(),
                    result.newPrimary(),
                    result.failoverMillis());
            assertThat(result.acknowledged()).as("the loop wrote").hasSizeGreaterThan(20);
            assertThat(result.lost()).isSubsetOf(result.acknowledged());

            // The store's own client, never told of the failover, starts at the first running node and follows a
            // replica's refusal on to the primary it names.
            awaitFollowing(cluster, result.newPrimary());
            ClusterCommandTest.Result written = ClusterCommandTest.sdlab(
                    "cluster", "client", "repl", "--dir", directory.toString(), "set", "after-failover", "v1");
            assertThat(written.exitCode()).as(written.out() + written.err()).isZero();
            assertThat(cluster.call(result.newPrimary(), "GET", "after-failover"))
                    .isEqualTo("v1");
        }
    }

    /** Waits until every surviving store node is the new primary or replicates from it. */
    private static void awaitFollowing(ReplTestCluster cluster, NodeId primary) throws Exception {
        String primaryPort = Integer.toString(cluster.port(primary));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (NodeId node : List.of(N2, N3)) {
            while (!node.equals(primary) && !primaryPort.equals(cluster.info(node, "master_port"))) {
                assertThat(System.nanoTime()).as(node + " follows " + primary).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}
