package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sdlab.app.Main;
import sdlab.app.cluster.jepsen.JepsenResult;
import sdlab.app.cluster.jepsen.JepsenRun;
import sdlab.app.cluster.jepsen.JepsenSettings;
import sdlab.app.cluster.jepsen.NemesisKind;
import sdlab.chapters.quorum.QuorumClusterMechanism;
import sdlab.chapters.quorum.QuorumSimulation;
import sdlab.check.Verdict;
import sdlab.check.history.HistoryParser;
import sdlab.check.history.JsonHistoryWriter;
import sdlab.check.history.Operations;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Models;
import sdlab.check.report.CheckOutcome;
import sdlab.check.report.CheckRequest;
import sdlab.check.report.Checker;
import sdlab.check.report.NamedInput;
import sdlab.check.session.StaleReads;
import sdlab.core.history.History;

/**
 * One scenario, two worlds: chapter 10's quorum store under partitions and kills, run in the
 * simulator and as a real cluster of processes, its histories judged by the same checks. With
 * reads that write back to a write quorum (n3r2w2-writeback) both are linearizable; with
 * n3r1w1 both show stale reads and the checker says the history is not linearizable. The real
 * run's history file gives the same verdict again through {@code sdlab check}. Raft, whose
 * invariants the simulator checks after every event, runs for real unchanged and stays
 * linearizable under the same nemesis.
 */
class ClusterScenarioTest {
    private static final String LINEARIZABLE = "n3r2w2-writeback";
    private static final String STALE = "n3r1w1";

    @TempDir
    Path directory;

    @Test
    void inTheSimulatorWriteBackIsLinearizableAndOneOfThreeIsNot() {
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(verdict(QuorumSimulation.history(LINEARIZABLE, "mixed", seed)))
                    .as("seed %d of %s", seed, LINEARIZABLE)
                    .isEqualTo(Verdict.VALID);
        }
        int stale = 0;
        boolean someNotLinearizable = false;
        for (long seed = 1; seed <= 3; seed++) {
            History history = QuorumSimulation.history(STALE, "partitions", seed);
            stale += StaleReads.count(history).staleReads();
            someNotLinearizable |= verdict(history) == Verdict.INVALID;
        }
        assertThat(stale).as("stale reads of %s in the simulator", STALE).isPositive();
        assertThat(someNotLinearizable).isTrue();
    }

    @Test
    void asARealClusterWriteBackIsLinearizableUnderPartitionsAndKills() throws Exception {
        JepsenResult result = run(LINEARIZABLE, List.of(NemesisKind.PARTITION, NemesisKind.KILL), "writeback");

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.staleReads().staleReads()).isZero();
        assertThat(recheck(result)).isEqualTo(0);
    }

    @Test
    void asARealClusterOneOfThreeReadsStaleValuesAndTheCheckerSaysSo() throws Exception {
        JepsenResult result = run(STALE, List.of(NemesisKind.PARTITION), "stale");

        assertThat(result.staleReads().staleReads()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(recheck(result)).isEqualTo(1);
    }

    @Test
    void raftRunsForRealUnchangedAndIsLinearizableUnderPartitionsAndKills() throws Exception {
        JepsenResult result =
                run(RaftClusterMechanism.NAME, Map.of(), List.of(NemesisKind.PARTITION, NemesisKind.KILL), "raft");

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.VALID);
        assertThat(recheck(result)).isEqualTo(0);
    }

    @Test
    void theCoordinationServiceRunsTheSimulatorsScenarioForRealAndIsLinearizable() throws Exception {
        // The simulator's znode client (writes; reads after a sync) over TCP, as ReplicatedCoordSimulationTest runs it.
        int clientPorts = CoordBenchCluster.freeConsecutivePorts(3);
        JepsenResult result = run(
                CoordClusterMechanism.NAME,
                Map.of("client-port", Integer.toString(clientPorts)),
                List.of(NemesisKind.PARTITION, NemesisKind.KILL),
                "coord");

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theReplicatedStoreWithAFencedLeaseIsLinearizableUnderPartitionsKillsAndPauses() throws Exception {
        // Synchronous replication (one acknowledgement), failover by a lease whose token the replicas check, and a
        // client that seeks the primary: the nemesis also pauses and cuts off the lease service, which must not make
        // the manager promote a replica while the primary still holds its lease.
        Map<String, String> options = Map.of(
                "mode",
                "sync",
                "failover",
                "lease-fenced",
                "client-port",
                Integer.toString(ReplTestCluster.freePortRange(3)));
        JepsenResult result = run(
                ReplClusterMechanism.NAME,
                options,
                5,
                List.of(NemesisKind.PARTITION, NemesisKind.KILL, NemesisKind.PAUSE),
                "repl");

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theShardedStoreIsLinearizablePerKeyUnderPartitionsAndKills() throws Exception {
        // Shows: 'cluster test shards' (n1 placement, n2 and n3 durable shards, routers over TCP) under partitions
        // and SIGKILLs with restarts: the register checker finds every key's history linearizable, so no write a
        // router was told is kept went missing after a shard's restart.
        JepsenResult result = run(
                ShardClusterMechanism.NAME,
                Map.of("shards", "2", "spares", "0", "client-port", Integer.toString(ReplTestCluster.freePortRange(3))),
                List.of(NemesisKind.PARTITION, NemesisKind.KILL),
                "shards");

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.linearizability().verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.staleReads().staleReads()).isZero();
        assertThat(recheck(result)).isEqualTo(0);
    }

    private JepsenResult run(String variant, List<NemesisKind> nemesis, String folder) throws Exception {
        return run(QuorumClusterMechanism.NAME, Map.of("variant", variant), nemesis, folder);
    }

    private JepsenResult run(String mechanism, Map<String, String> options, List<NemesisKind> nemesis, String folder)
            throws Exception {
        return run(mechanism, options, 3, nemesis, folder);
    }

    private JepsenResult run(
            String mechanism, Map<String, String> options, int nodes, List<NemesisKind> nemesis, String folder)
            throws Exception {
        JepsenSettings settings = new JepsenSettings(
                mechanism,
                options,
                nodes,
                4,
                Duration.ofSeconds(8),
                100,
                nemesis,
                Duration.ofMillis(1500),
                2,
                0.5,
                11,
                directory.resolve(folder));
        return new JepsenRun(
                        settings,
                        ClusterMechanisms.resolve(mechanism, options),
                        ClusterMechanisms.workload(mechanism, 2, 0.5, 4),
                        Models.register(),
                        ClusterMechanisms.LAUNCHER,
                        line -> {})
                .run();
    }

    /** {@code sdlab check --model register HISTORY}'s exit code. */
    private static int recheck(JepsenResult result) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute("check", "--model", "register", result.historyFile().toString());
    }

    /** The verdict the real run's checks give a history: the same text, the same checker. */
    private static Verdict verdict(History history) {
        String text = JsonHistoryWriter.lines(history.ops());
        assertThat(Operations.of(HistoryParser.parse(text)))
                .hasSize(Operations.of(history).size());
        CheckOutcome outcome = Checker.run(new CheckRequest(
                        Models.register(),
                        List.of(new NamedInput("simulated", text)),
                        CheckLimits.unlimited()
                                .withTimeout(
                                        System::nanoTime, Duration.ofMinutes(1).toNanos())))
                .getFirst();
        return outcome.verdict();
    }
}
