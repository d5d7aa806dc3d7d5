package sdlab.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.kv.quorum.QuorumConfig;

/** The quorum store's own nodes and client, unchanged, over real sockets and files. */
class NodeHostTest {
    @TempDir
    Path data;

    @Test
    void aWriteIsReadBackThroughAnotherCoordinator() throws Exception {
        try (LocalCluster cluster = new LocalCluster(QuorumConfig.of(3, 2, 2), 3, data).start()) {
            ClientHost client = cluster.client("c1");
            awaitConnected(client, cluster);

            assertThat(invoke(client, "write", "k", "v1")).isEqualTo(Outcome.ok("v1"));
            assertThat(invoke(client, "read", "k", null)).isEqualTo(Outcome.ok("v1"));
            assertThat(invoke(client, "read", "never-written", null)).isEqualTo(Outcome.ok(null));
            assertThat(cluster.failures).isEmpty();
        }
    }

    @Test
    void aWriteAcknowledgedByEveryReplicaSurvivesARestartOfEveryNode() throws Exception {
        QuorumConfig all = QuorumConfig.of(3, 3, 3);
        try (LocalCluster cluster = new LocalCluster(all, 3, data).start()) {
            ClientHost client = cluster.client("c1");
            awaitConnected(client, cluster);
            assertThat(invoke(client, "write", "durable", 17L)).isEqualTo(Outcome.ok(17L));

            for (NodeId id : cluster.ids) {
                cluster.stop(id);
            }
            for (NodeId id : cluster.ids) {
                assertThat(cluster.start(id).restarted()).isTrue();
            }
            awaitConnected(client, cluster);
            assertThat(invoke(client, "read", "durable", null)).isEqualTo(Outcome.ok(17L));
        }
    }

    @Test
    void aReadWithOneNodeDownStillMeetsItsQuorumAndTheNodeRejoins() throws Exception {
        try (LocalCluster cluster = new LocalCluster(QuorumConfig.of(3, 2, 2), 3, data).start()) {
            ClientHost client = cluster.client("c1");
            awaitConnected(client, cluster);
            assertThat(invoke(client, "write", "k", "before")).isEqualTo(Outcome.ok("before"));

            cluster.stop(NodeId.of("n3"));
            // A coordinator may be the dead node: the client then times out, which is an honest answer.
            Outcome during = invoke(client, "write", "k", "during");
            assertThat(during).isIn(Outcome.ok("during"), Outcome.unknown("no answer within 1000 ms"));

            cluster.start(NodeId.of("n3"));
            awaitConnected(client, cluster);
            assertThat(invoke(client, "write", "k", "after")).isEqualTo(Outcome.ok("after"));
            assertThat(invoke(client, "read", "k", null)).isEqualTo(Outcome.ok("after"));
        }
    }

    static Outcome invoke(ClientHost client, String f, String key, Object value) throws Exception {
        return client.invoke(0, f, key, value).get(10, TimeUnit.SECONDS);
    }

    static void awaitConnected(ClientHost client, LocalCluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!client.connectedTo(cluster.ids) || !peersConnected(cluster)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cluster did not connect within 10 s; log: " + cluster.log);
            }
            Thread.sleep(10);
        }
    }

    private static boolean peersConnected(LocalCluster cluster) {
        for (NodeHost host : cluster.hosts.values()) {
            if (host.connectedPeerCount() != cluster.ids.size() - 1) {
                return false;
            }
        }
        return true;
    }
}
