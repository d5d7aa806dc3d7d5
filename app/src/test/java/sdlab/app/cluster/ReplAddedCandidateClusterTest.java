package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.ADDED;
import static sdlab.app.cluster.ReplTestCluster.MANAGER;
import static sdlab.app.cluster.ReplTestCluster.N1;
import static sdlab.app.cluster.ReplTestCluster.N2;
import static sdlab.app.cluster.ReplTestCluster.N3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.repl.JoinOperator.Joined;
import sdlab.runtime.cluster.NodeProcess;

/**
 * A replica added to a running {@code repl} cluster, over TCP with the simulator's node code: the failover manager
 * counts it as a candidate and waits for one answer more, a failover after the primary is killed asks it too and
 * keeps every acknowledged write, and a restarted added replica takes from the primary only what it lacks.
 */
class ReplAddedCandidateClusterTest {
    /** Bounds on waits, not figures: the lease runs out after 2 s, the manager's grace is 5 s, the machine is loaded. */
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(90);

    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(60);
    private static final Pattern PROMOTING = Pattern.compile("promoting (n\\d+) at position (\\d+) of \\{([^}]*)\\}");
    private static final int KEYS = 30;
    private static final int FILL_KEYS = 2_000;
    private static final int FILL_CONNECTIONS = 16;

    @Test
    void afterTheAddedReplicaJoinedAFailoverAsksItAndLosesNoAcknowledgedWrite(@TempDir Path directory)
            throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "semi-sync", "acks", "1"))) {
            Map<String, String> acknowledged = new LinkedHashMap<>();
            writeAll(cluster, "before", acknowledged);
            var mechanism = (ReplClusterMechanism) ClusterMechanisms.of(cluster.processes.layout());
            ReplJoinAdmin.Added added = ReplJoinAdmin.add(cluster.processes, mechanism);
            assertThat(added.joiner()).isEqualTo(ADDED);
            assertThat(added.outcome()).isInstanceOf(Outcome.Ok.class);
            Joined joined = (Joined) ((Outcome.Ok) added.outcome()).value();
            // 2 replicas and 1 acknowledgement wanted 2 answers; with n6, 3 of the 4 nodes' 3 candidates.
            assertThat(joined.answersMin()).isEqualTo(3);
            assertThat(joined.candidates()).isEqualTo(4);
            writeAll(cluster, "after", acknowledged);

            cluster.processes.kill(N1);
            Optional<NodeId> primary = cluster.awaitWritablePrimary(List.of(N2, N3, ADDED), FAILOVER_WAIT);
            assertThat(primary).as("a replica took writes after n1 was killed").isPresent();

            String managerLog = Files.readString(NodeProcess.logFile(directory, MANAGER), StandardCharsets.UTF_8);
            Matcher promoting = PROMOTING.matcher(managerLog);
            assertThat(promoting.find()).as("the manager's log:\n" + managerLog).isTrue();
            System.out.printf(
                    "repl failover after an add: %s promoted at position %s of {%s}%n",
                    promoting.group(1), promoting.group(2), promoting.group(3));
            assertThat(promoting.group(1)).isEqualTo(primary.get().name());
            assertThat(promoting.group(3)).as("n6 answered as a candidate").contains("n6=");
            try (RespTestClient client = new RespTestClient(cluster.port(primary.get()))) {
                for (Map.Entry<String, String> write : acknowledged.entrySet()) {
                    assertThat(client.call("GET", write.getKey()))
                            .as(write.getKey() + " at " + primary.get())
                            .isEqualTo(write.getValue());
                }
            }
        }
    }

    /**
     * Restarted, the added replica recovers its snapshot and relay log and the primary ships what it lacks: its relay
     * log grows by about the writes made while it was down. The planted bug {@code snapshot-base-in-memory} (the store
     * before the base was kept) recovers an empty log and copies the primary's whole log again. The run prints both,
     * which is how the README's figures were measured.
     */
    @ParameterizedTest
    @ValueSource(strings = {"none", "snapshot-base-in-memory"})
    void aRestartedAddedReplicaTakesOnlyWhatItLacks(String plantedBug, @TempDir Path directory) throws Exception {
        try (ReplTestCluster cluster =
                ReplTestCluster.start(directory, Map.of("mode", "async", "planted-bug", plantedBug))) {
            OverwritingWriters writers = new OverwritingWriters(cluster.port(N1), FILL_KEYS, 1);
            writers.fill(FILL_CONNECTIONS);
            // Every key once more, so that the log holds more than the snapshot it will be loaded from.
            writers.fill(FILL_CONNECTIONS);
            var mechanism = (ReplClusterMechanism) ClusterMechanisms.of(cluster.processes.layout());
            assertThat(ReplJoinAdmin.add(cluster.processes, mechanism).outcome())
                    .isInstanceOf(Outcome.Ok.class);
            writeAll(cluster, "joined", new LinkedHashMap<>());
            awaitApplied(cluster, Long.parseLong(cluster.info(N1, "master_repl_offset")));

            cluster.processes.kill(ADDED);
            Path relayLog = NodeProcess.dataDirectory(directory, ADDED).resolve("repl-log");
            long relayBytesBefore = Files.size(relayLog);
            writeAll(cluster, "while-down", new LinkedHashMap<>());
            long primaryLogBytes =
                    Files.size(NodeProcess.dataDirectory(directory, N1).resolve("repl-log"));
            cluster.processes.restart(ADDED);
            awaitApplied(cluster, Long.parseLong(cluster.info(N1, "master_repl_offset")));
            long shippedBytes = Files.size(relayLog) - relayBytesBefore;
            System.out.printf(
                    "repl restart of an added replica (planted bug %s): its relay log grew by %d bytes; the primary's"
                            + " log is %d bytes, of which %d keys were written while it was down%n",
                    plantedBug, shippedBytes, primaryLogBytes, KEYS);

            if (plantedBug.equals("none")) {
                assertThat(shippedBytes)
                        .as("only the writes made while it was down, not the log")
                        .isPositive()
                        .isLessThan(primaryLogBytes / 10);
            } else {
                assertThat(shippedBytes).as("the whole log again").isGreaterThan(primaryLogBytes / 2);
            }
            assertThat(cluster.call(ADDED, "GET", "while-down-0")).isEqualTo("v0");
        }
    }

    /** Writes {@code KEYS} keys "{prefix}-i" = "vi" through n1 (or wherever it points), each acknowledged. */
    private static void writeAll(ReplTestCluster cluster, String prefix, Map<String, String> acknowledged)
            throws Exception {
        try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
            for (int i = 0; i < KEYS; i++) {
                String key = prefix + "-" + i;
                assertThat(client.call("SET", key, "v" + i)).as(key).isEqualTo("OK");
                acknowledged.put(key, "v" + i);
            }
        }
    }

    private static void awaitApplied(ReplTestCluster cluster, long position) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_WAIT.toNanos();
        while (true) {
            String applied = null;
            try {
                applied = cluster.info(ADDED, "sdlab_applied_position");
            } catch (java.io.IOException notYet) {
                // restarting: its door is not open yet
            }
            if (applied != null && Long.parseLong(applied) >= position) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("n6 applied " + applied + ", waiting for " + position)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
