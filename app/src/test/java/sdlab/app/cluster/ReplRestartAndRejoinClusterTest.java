package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.ADDED;
import static sdlab.app.cluster.ReplTestCluster.N1;
import static sdlab.app.cluster.ReplTestCluster.N2;
import static sdlab.app.cluster.ReplTestCluster.N3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.repl.JoinOperator.Joined;
import sdlab.runtime.cluster.NodeProcess;

/**
 * Two gaps of {@code cluster repl add}, closed over processes with the simulator's node code: a primary restarted
 * without a failover (n1, whose role comes from the configuration) still ships to the replica added to it and counts
 * its acknowledgements, and a replica whose primary is killed while it loads its snapshot finishes the join from the
 * replica the manager promotes. The simulator's {@code RestartedPrimaryTest} and {@code JoinerAfterFailoverTest} run
 * the same on every build.
 */
class ReplRestartAndRejoinClusterTest {
    /** Bounds on waits, not figures: five JVMs share a loaded 2-core machine. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(60);

    private static final Duration LOG_WAIT = Duration.ofSeconds(60);
    private static final int KEYS = 30;
    /** Enough keys that the snapshot takes a few dozen chunks, so that n1 dies while it crosses. */
    private static final int FILL_KEYS = 20_000;

    private static final int FILL_CONNECTIONS = 16;
    /** Without failover the store is n1 to n3 and the first added replica is n4. */
    private static final NodeId ADDED_WITHOUT_FAILOVER = NodeId.of("n4");

    /**
     * n4 joins n1; n1 is killed and restarted (no failover: none is configured), then cut off from n2 and n3, so that
     * only n4 can acknowledge its semi-sync commits. Restarted, n1 lists n4, its writes are acknowledged with semi-sync
     * on and reach n4, and WAIT counts n4. With the planted bug {@code primary-forgets-added-replicas} (the store
     * before) n1 has forgotten n4: WAIT counts no one, and semi-sync falls back after its timeout.
     */
    @ParameterizedTest
    @ValueSource(strings = {"none", "primary-forgets-added-replicas"})
    void aRestartedPrimaryShipsToItsAddedReplicaAndCountsIt(String plantedBug, @TempDir Path directory)
            throws Exception {
        Map<String, String> options = Map.of(
                "mode", "semi-sync", "failover", "none", "semi-sync-timeout-ms", "3000", "planted-bug", plantedBug);
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, options)) {
            writeAll(cluster, "before");
            var mechanism = (ReplClusterMechanism) ClusterMechanisms.of(cluster.processes.layout());
            ReplJoinAdmin.Added added = ReplJoinAdmin.add(cluster.processes, mechanism);
            assertThat(added.joiner()).isEqualTo(ADDED_WITHOUT_FAILOVER);
            assertThat(added.outcome()).isInstanceOf(Outcome.Ok.class);

            cluster.processes.kill(N1);
            long restartStarted = System.nanoTime();
            cluster.processes.restart(N1);
            assertThat(cluster.awaitWritablePrimary(List.of(N1), ReplTestCluster.STARTUP_WAIT))
                    .contains(N1);
            long restartMs = (System.nanoTime() - restartStarted) / 1_000_000;
            cluster.processes.partition(List.of(List.of(N1, ADDED_WITHOUT_FAILOVER), List.of(N2, N3)));
            long writesStarted = System.nanoTime();
            Object counted = writeAllAndWait(cluster, "after");
            long writesMs = (System.nanoTime() - writesStarted) / 1_000_000;
            String semiSync = cluster.info(N1, "rpl_semi_sync_master_status");
            String info = (String) cluster.call(N1, "INFO", "replication");
            System.out.printf(
                    "repl restarted primary (planted bug %s): n1 writable %d ms after restart began; %d writes with n2"
                            + " and n3 cut off, then WAIT 3 (2 s at most), took %d ms; WAIT 3 counted %s; semi-sync %s%n",
                    plantedBug, restartMs, KEYS, writesMs, counted, semiSync);

            if (plantedBug.equals("none")) {
                assertThat(info).as("n1's INFO after its restart").contains("id=" + ADDED_WITHOUT_FAILOVER.name());
                assertThat(counted).as("WAIT 3 with only n4 reachable").isEqualTo(1L);
                assertThat(semiSync)
                        .as("no write waited out the semi-sync timeout")
                        .isEqualTo("ON");
                awaitValue(cluster, ADDED_WITHOUT_FAILOVER, "after-" + (KEYS - 1), "v" + (KEYS - 1));
            } else {
                assertThat(info).doesNotContain("id=" + ADDED_WITHOUT_FAILOVER.name());
                assertThat(counted).as("the forgotten n4 is not counted").isEqualTo(0L);
                assertThat(semiSync).isEqualTo("OFF");
            }
        }
    }

    /**
     * n6 is added to a cluster holding {@value #FILL_KEYS} keys; once it logs that it joins n1, n1 is killed. The
     * manager promotes n2 or n3 and names it to n6, which starts its snapshot again from there: the operator's join
     * completes with the promoted node as n6's primary, and n6 serves every key.
     */
    @Test
    void aJoinerWhosePrimaryIsKilledFinishesFromThePromotedReplica(@TempDir Path directory) throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "async"))) {
            new OverwritingWriters(cluster.port(N1), FILL_KEYS, 1).fill(FILL_CONNECTIONS);
            var mechanism = (ReplClusterMechanism) ClusterMechanisms.of(cluster.processes.layout());
            long addStarted = System.nanoTime();
            CompletableFuture<ReplJoinAdmin.Added> adding = CompletableFuture.supplyAsync(() -> {
                try {
                    return ReplJoinAdmin.add(cluster.processes, mechanism);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Path joinerLog = NodeProcess.logFile(directory, ADDED);
            awaitLogLine(joinerLog, "n6: joining n1 from a snapshot");
            cluster.processes.kill(N1);
            long killedAt = System.nanoTime();

            ReplJoinAdmin.Added added = adding.get(ReplJoinAdmin.JOIN_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
            long joinedAt = System.nanoTime();
            assertThat(added.outcome()).as("the operator's join").isInstanceOf(Outcome.Ok.class);
            Joined joined = (Joined) ((Outcome.Ok) added.outcome()).value();
            String log = Files.readString(joinerLog, StandardCharsets.UTF_8);
            System.out.printf(
                    "repl joiner after a failover: add to ready %d ms, kill to ready %d ms; %s%n%s%n",
                    (joinedAt - addStarted) / 1_000_000,
                    (joinedAt - killedAt) / 1_000_000,
                    joined,
                    log.lines()
                            .filter(line -> line.contains("join") || line.contains("snapshot"))
                            .toList());
            assertThat(joined.primary()).as("n6's primary").isIn(N2, N3);
            assertThat(log).contains("joining " + joined.primary().name() + " instead of n1");
            assertThat(cluster.info(ADDED, "sdlab_master_node"))
                    .isEqualTo(joined.primary().name());
            for (int key : new int[] {0, FILL_KEYS / 2, FILL_KEYS - 1}) {
                assertThat(cluster.call(ADDED, "GET", OverwritingWriters.key(key)))
                        .as(OverwritingWriters.key(key))
                        .isEqualTo(cluster.call(joined.primary(), "GET", OverwritingWriters.key(key)));
            }
        }
    }

    private static void writeAll(ReplTestCluster cluster, String prefix) throws Exception {
        try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
            for (int i = 0; i < KEYS; i++) {
                assertThat(client.call("SET", prefix + "-" + i, "v" + i)).isEqualTo("OK");
            }
        }
    }

    /**
     * Writes as {@link #writeAll} does, then asks on the same connection how many replicas hold the last write ({@code
     * WAIT 3}, at most 2 s: no more than n4 can answer while n2 and n3 are cut off).
     */
    private static Object writeAllAndWait(ReplTestCluster cluster, String prefix) throws Exception {
        try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
            for (int i = 0; i < KEYS; i++) {
                assertThat(client.call("SET", prefix + "-" + i, "v" + i)).isEqualTo("OK");
            }
            return client.call("WAIT", "3", "2000");
        }
    }

    private static void awaitValue(ReplTestCluster cluster, NodeId node, String key, String value) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        Object seen = cluster.call(node, "GET", key);
        while (!value.equals(seen)) {
            assertThat(System.nanoTime()).as(node + "'s " + key + " is " + seen).isLessThan(deadline);
            Thread.sleep(20);
            seen = cluster.call(node, "GET", key);
        }
    }

    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        while (!Files.exists(log)
                || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            assertThat(System.nanoTime()).as("'" + text + "' in " + log).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
