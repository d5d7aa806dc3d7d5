package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.app.cluster.ClusterCommandTest.Result;
import sdlab.chapters.quorum.QuorumClusterMechanism;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * Chapter 1's headline result over real processes: {@code sdlab cluster ledger} drives the
 * chapter's ledger clients over TCP against a running cluster and judges the history with the
 * chapter's checkers. On the Raft store a server-side transfer keeps the ledger exact under
 * partitions and kills, while read-then-write on the same linearizable store double-spends, and
 * the command says so with exit code 1: the test that shows the checks bite.
 */
class LedgerClusterTest {
    @TempDir
    Path directory;

    @Test
    void aServerSideTransferOnRaftNeverDoubleSpendsNorChangesTheTotalUnderPartitionsAndKills() throws Exception {
        ProcessCluster cluster = start(RaftClusterMechanism.NAME, Map.of());
        try {
            // About two seconds of transfers per fault and repair: the nemesis breaks the cluster while they run.
            Result run = ledger(
                    cluster,
                    "--way",
                    "atomic",
                    "--clients",
                    "4",
                    "--transfers",
                    "40",
                    "--rate",
                    "20",
                    "--nemesis",
                    "partition,kill",
                    "--nemesis-interval",
                    "1s",
                    "--audit-delay",
                    "2s");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(figure(run, "nemesis: (\\d+) events"))
                    .as("the nemesis broke the cluster while the transfers ran: " + run.out())
                    .isPositive();
            assertThat(figure(run, "double spends: (\\d+)")).isZero();
            assertThat(run.out())
                    .contains(
                            "total: before 300, after 300;", "bank checker: valid", "verdict: the ledger stayed exact");
            assertThat(figure(run, "ok (\\d+), declined"))
                    .as("transfers acknowledged")
                    .isPositive();
            assertThat(Files.readAllLines(cluster.directory().resolve("ledger-history.jsonl")))
                    .as("every transfer and audit, invoked and completed")
                    .hasSize(2 * 4 * (40 + 1));
        } finally {
            stop(cluster);
        }
    }

    @Test
    void readThenWriteOnTheSameLinearizableStoreDoubleSpendsAndTheCommandSaysSo() throws Exception {
        ProcessCluster cluster = start(RaftClusterMechanism.NAME, Map.of());
        try {
            // Eight clients without pauses on two accounts: many reads of one balance meet before their writes.
            Result run = ledger(
                    cluster,
                    "--way",
                    "read-then-write",
                    "--clients",
                    "8",
                    "--accounts",
                    "2",
                    "--transfers",
                    "25",
                    "--audit-delay",
                    "1s");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(figure(run, "double spends: (\\d+)")).isPositive();
            assertThat(figure(run, "stale reads: (\\d+)"))
                    .as("linearizable reads")
                    .isZero();
            assertThat(run.out()).contains("verdict: violated: ");

            Result again = ledger(cluster, "--way", "escrow", "--clients", "8", "--accounts", "2", "--json");
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            JsonNode escrow = new ObjectMapper().readTree(again.out());
            assertThat(escrow.get("doubleSpends").asInt()).isZero();
            assertThat(escrow.get("totalAfter").asLong()).isEqualTo(200);
            assertThat(escrow.get("violations")).isEmpty();
            Result used = ledger(cluster, "--way", "atomic", "--accounts", "2");
            assertThat(used.exitCode())
                    .as("a store holding an earlier run's balances")
                    .isEqualTo(2);
            assertThat(used.err()).contains("already holds a0", "--fresh");
        } finally {
            stop(cluster);
        }
    }

    @Test
    void aQuorumClusterRefusesTheWaysThatNeedConditionalWrites() throws Exception {
        ProcessCluster cluster = start(QuorumClusterMechanism.NAME, Map.of("r", "1", "w", "1"));
        try {
            for (String way : new String[] {"atomic", "txn-retry", "cas-retry"}) {
                Result refused = ledger(cluster, "--way", way);
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("no compare-and-set", "--way " + way);
            }
            Result level = ledger(cluster, "--way", "escrow", "--level", "linearizable");
            assertThat(level.exitCode()).isEqualTo(2);
            assertThat(level.err()).contains("session or eventual");
        } finally {
            stop(cluster);
        }
    }

    @Test
    void onTheCausalClusterReadThenWriteDoubleSpendsAndEscrowKeepsTheTotal() throws Exception {
        // Chapter 1's option B over processes: causality orders what a client saw before its write, yet two transfers
        // that read one balance write over each other; escrow budgets keep the total with no conditional write.
        ProcessCluster cluster = start(CausalClusterMechanism.NAME, Map.of());
        try {
            Result run = ledger(
                    cluster,
                    "--way",
                    "read-then-write",
                    "--clients",
                    "8",
                    "--accounts",
                    "2",
                    "--transfers",
                    "25",
                    "--audit-delay",
                    "1s");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("causal store");
            assertThat(figure(run, "double spends: (\\d+)")).isPositive();

            Result escrow = ledger(cluster, "--way", "escrow", "--clients", "8", "--accounts", "2", "--json");
            assertThat(escrow.exitCode()).as(escrow.out() + escrow.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(escrow.out());
            assertThat(json.get("doubleSpends").asInt()).isZero();
            assertThat(json.get("totalAfter").asLong()).isEqualTo(200);

            Result atomic = ledger(cluster, "--way", "atomic");
            assertThat(atomic.exitCode()).isEqualTo(2);
            assertThat(atomic.err()).contains("causal store has no compare-and-set");
            Result level = ledger(cluster, "--way", "escrow", "--level", "eventual");
            assertThat(level.exitCode()).isEqualTo(2);
            assertThat(level.err()).contains("causal or session-token");
        } finally {
            stop(cluster);
        }
    }

    private ProcessCluster start(String mechanism, Map<String, String> options) throws Exception {
        Path dir = directory.resolve(mechanism);
        return ProcessCluster.start(dir, mechanism, options, 3, 11, ClusterMechanisms.LAUNCHER, line -> {});
    }

    private static void stop(ProcessCluster cluster) throws Exception {
        cluster.close();
        // The command's nemesis restarts nodes through a handle of its own: only the layout on disk has their new pids.
        try (ProcessCluster current =
                ProcessCluster.attach(cluster.directory(), ClusterMechanisms.LAUNCHER, line -> {})) {
            current.stop();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!current.running().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(current.running()).as("no node outlives the test").isEmpty();
        }
    }

    private static Result ledger(ProcessCluster cluster, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "cluster";
        args[1] = "ledger";
        args[2] = "--dir";
        args[3] = cluster.directory().toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return ClusterCommandTest.sdlab(args);
    }

    private static long figure(Result run, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(run.out());
        assertThat(matcher.find())
                .as("'" + pattern + "' in " + run.out() + run.err())
                .isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
