package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.ADDED;
import static sdlab.app.cluster.ReplTestCluster.N1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.client.Outcome;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.NodeProcess;

/**
 * A replica added to a running {@code repl} cluster ({@code sdlab cluster repl add}) joins from a snapshot over TCP
 * with the simulator's node code, catches up from the log while clients write, and is then a replica like the others.
 *
 * <p>The key count is {@value #KEYS_DEFAULT} unless {@code -Dsdlab.repljoin.keys=N} says otherwise; the run prints the
 * join's figures, which is how the README's table was measured.
 */
class ReplJoinClusterTest {
    private static final int KEYS_DEFAULT = 2_000;
    private static final int WRITERS = 4;
    private static final int FILL_CONNECTIONS = 32;
    /** Bounds on waits, not figures: the machine may be loaded many times over. */
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(60);

    private static final Pattern LOADED = Pattern.compile("snapshot loaded at position (\\d+): (\\d+) pages");
    /** The node's log lines start with their time: the joiner's from its JoinFrom to its last chunk time the load. */
    private static final Pattern ASKED = Pattern.compile("(?m)^(\\S+) n6: joining n1 from a snapshot");

    private static final Pattern LOADED_AT = Pattern.compile("(?m)^(\\S+) n6: snapshot loaded");

    @Test
    void anAddedReplicaJoinsUnderWritesHoldsEveryAcknowledgedValueAndCountsForWait(@TempDir Path directory)
            throws Exception {
        int keys = Integer.getInteger("sdlab.repljoin.keys", KEYS_DEFAULT);
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "async"))) {
            OverwritingWriters writers = new OverwritingWriters(cluster.port(N1), keys, WRITERS);
            long fillStart = System.nanoTime();
            writers.fill(FILL_CONNECTIONS);
            long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;
            writers.start();

            long addStart = System.nanoTime();
            ClusterCommandTest.Result added =
                    ClusterCommandTest.sdlab("cluster", "repl", "add", "--dir", directory.toString());
            long addMillis = (System.nanoTime() - addStart) / 1_000_000;
            assertThat(added.exitCode()).as(added.out() + added.err()).isZero();
            assertThat(added.out()).contains("n6 (resp 127.0.0.1:" + cluster.port(ADDED), "joined n1 from a snapshot");

            // Caught up: applied what the primary had when the join reported ready, while the writers go on.
            long target = Long.parseLong(cluster.info(N1, "master_repl_offset"));
            long catchUpStart = System.nanoTime();
            awaitApplied(cluster, target);
            long catchUpMillis = (System.nanoTime() - catchUpStart) / 1_000_000;
            Thread.sleep(300);
            writers.stop();

            long head = Long.parseLong(cluster.info(N1, "master_repl_offset"));
            awaitApplied(cluster, head);
            Matcher loaded = loadedLine(directory);
            long snapshotPosition = Long.parseLong(loaded.group(1));
            long snapshotKeys = Long.parseLong(loaded.group(2));
            long loadMillis = loadMillis(directory);
            long snapshotFileBytes =
                    Files.size(NodeProcess.dataDirectory(directory, ADDED).resolve("repl-snapshot"));
            System.out.printf(
                    "repl join: %d keys filled in %d ms; 'cluster repl add' took %d ms (%s); snapshot at position %d"
                            + " of %d keys, %d bytes on the joiner's disk, loaded in %d ms; caught up with position %d %d ms after the"
                            + " add returned; %d writes in all, head %d%n",
                    keys,
                    fillMillis,
                    addMillis,
                    added.out().strip(),
                    snapshotPosition,
                    snapshotKeys,
                    snapshotFileBytes,
                    loadMillis,
                    target,
                    catchUpMillis,
                    writers.writes(),
                    head);

            // Every key existed when the snapshot was taken (plus the start's probe key), and entries came after it.
            assertThat(snapshotKeys).isEqualTo(keys + 1);
            assertThat(snapshotPosition).isPositive().isLessThan(head);
            assertThat(writers.uncertain())
                    .as("no write's outcome was in doubt")
                    .isEmpty();
            assertThat(writers.acknowledged()).hasSize(keys);
            try (RespTestClient joiner = new RespTestClient(cluster.port(ADDED));
                    RespTestClient primary = new RespTestClient(cluster.port(N1))) {
                for (Map.Entry<String, String> write : writers.acknowledged().entrySet()) {
                    assertThat(joiner.call("GET", write.getKey()))
                            .as("n6's " + write.getKey())
                            .isEqualTo(write.getValue());
                    assertThat(primary.call("GET", write.getKey())).isEqualTo(write.getValue());
                }
                // From now on a replica like the others: the primary lists it and WAIT counts it.
                assertThat((String) primary.call("INFO", "replication"))
                        .contains("id=n6,ip=127.0.0.1,port=" + cluster.port(ADDED));
                assertThat(primary.call("SET", "after-join", "1")).isEqualTo("OK");
                assertThat(primary.call("WAIT", "3", "10000")).isEqualTo(3L);
            }
            ClusterCommandTest.Result status =
                    ClusterCommandTest.sdlab("cluster", "status", "--dir", directory.toString());
            assertThat(status.out()).contains("n6 resp 127.0.0.1:" + cluster.port(ADDED) + " (added replica)");
        }
        // The test's handle read the layout before the command added n6; stopping the cluster stops n6 all the same.
        long pid = ClusterLayout.read(directory).pids().get(ADDED);
        ProcessHandle.of(pid).ifPresent(process -> process.onExit()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(stillRunning -> process)
                .join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .as("n6 (pid " + pid + ") after the cluster stopped")
                .isNotEqualTo(java.util.Optional.of(true));
    }

    /**
     * Until it has loaded its snapshot an added node refuses reads with Redis's LOADING error, and a write with
     * READONLY; the planted bug {@code serves-before-snapshot} answers the read from its empty state instead: a key
     * that exists reads as never written. Once loaded, both serve the key.
     */
    @ParameterizedTest
    @ValueSource(strings = {"none", "serves-before-snapshot"})
    void anAddedNodeRefusesReadsUntilItsSnapshotIsLoaded(String plantedBug, @TempDir Path directory) throws Exception {
        try (ReplTestCluster cluster =
                ReplTestCluster.start(directory, Map.of("mode", "async", "planted-bug", plantedBug))) {
            assertThat(cluster.call(N1, "SET", "greeting", "hello")).isEqualTo("OK");
            var joiner = ReplJoinAdmin.startNode(cluster.processes);
            assertThat(joiner).isEqualTo(ADDED);

            Object early = cluster.call(ADDED, "GET", "greeting");
            if (plantedBug.equals("none")) {
                assertThat(early)
                        .isEqualTo(new RespTestClient.Error(
                                "LOADING loading a snapshot: this replica serves no reads until it is loaded"));
                assertThat(cluster.info(ADDED, "loading")).isEqualTo("1");
            } else {
                assertThat(early).as("the planted bug serves the empty state").isNull();
            }
            assertThat(cluster.call(ADDED, "SET", "greeting", "bye"))
                    .isEqualTo(new RespTestClient.Error("READONLY You can't write against a read only replica."));

            var mechanism = (ReplClusterMechanism) ClusterMechanisms.of(cluster.processes.layout());
            Outcome joined = ReplJoinAdmin.join(cluster.processes, mechanism, ADDED);
            assertThat(joined).isInstanceOf(Outcome.Ok.class);
            assertThat(cluster.call(ADDED, "GET", "greeting")).isEqualTo("hello");
            assertThat(cluster.info(ADDED, "master_port")).isEqualTo(Integer.toString(cluster.port(N1)));
        }
    }

    private static void awaitApplied(ReplTestCluster cluster, long position) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (true) {
            String applied = cluster.info(ADDED, "sdlab_applied_position");
            if (applied != null && Long.parseLong(applied) >= position) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("n6 applied " + applied + ", waiting for " + position)
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** From the joiner's "joining" line to its "snapshot loaded" line, by the timestamps of its log. */
    private static long loadMillis(Path directory) throws Exception {
        String log = Files.readString(NodeProcess.logFile(directory, ADDED), StandardCharsets.UTF_8);
        Matcher asked = ASKED.matcher(log);
        Matcher loaded = LOADED_AT.matcher(log);
        assertThat(asked.find() && loaded.find())
                .as("n6's log times its load:\n" + log)
                .isTrue();
        return Duration.between(Instant.parse(asked.group(1)), Instant.parse(loaded.group(1)))
                .toMillis();
    }

    private static Matcher loadedLine(Path directory) throws Exception {
        String log = Files.readString(NodeProcess.logFile(directory, ADDED), StandardCharsets.UTF_8);
        Matcher matcher = LOADED.matcher(log);
        assertThat(matcher.find())
                .as("n6's log says where its snapshot was loaded:\n" + log)
                .isTrue();
        return matcher;
    }
}
