package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import sdlab.bench.coord.SdlabLaunchers;
import sdlab.bench.coord.ZooKeeperEnsemble;
import sdlab.bench.peer.Scratch;

/** {@code bench coord} end to end, briefly: real servers, the real client, no timing asserted. */
class CoordCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        // As the app registers it, with a 3-node launcher that these tests never reach.
        SdlabLaunchers launchers = SdlabLaunchers.standalone().with(3, scratch -> {
            throw new IllegalStateException("this test starts no 3-node cluster");
        });
        CommandLine cli = new CommandLine(new CoordCommand(launchers));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void everyOpIsMeasuredOnBothSidesWithoutErrorsAndTheirRatiosComeFromTheFigures() throws Exception {
        // The sdlab standalone node (started by the bench) and a one-server ZooKeeper (started here,
        // passed with --zk-connect) each get every phase; every request is answered, so every row is a
        // figure, and with one round its ratios are exactly sdlab's figure over ZooKeeper's.
        List<Long> serverPids = new ArrayList<>();
        JsonNode report;
        try (Scratch scratch = Scratch.create("coord-command-test-");
                ZooKeeperEnsemble zooKeeper = ZooKeeperEnsemble.start(1, scratch, line -> {})) {
            serverPids.addAll(zooKeeper.pids());
            int exit = bench(
                    "--sdlab-nodes",
                    "1",
                    "--zk-connect",
                    zooKeeper.connectString(),
                    "--clients",
                    "4",
                    "--outstanding",
                    "4",
                    "--warmup",
                    "200ms",
                    "--duration",
                    "700ms",
                    "--rounds",
                    "1",
                    "--json");
            assertThat(exit).as(err.toString()).isZero();
            report = new ObjectMapper().readTree(out.toString());
        }

        assertThat(report.get("benchmark").asText()).isEqualTo("coord");
        assertThat(report.get("sdlab").asText()).contains("sdlab standalone (1 node");
        assertThat(report.get("zookeeper").asText()).contains("already running");
        assertThat(report.get("ops"))
                .extracting(op -> op.get("name").asText())
                .containsExactly("create", "setData", "getData");
        for (JsonNode op : report.get("ops")) {
            String name = op.get("name").asText();
            for (String side : List.of("sdlab", "zookeeper")) {
                assertThat(op.get(side).get("opsPerSecond").asDouble())
                        .as(name + " " + side)
                        .isPositive();
                assertThat(op.get(side).get("latencyMsP99").asDouble())
                        .as(name + " " + side)
                        .isGreaterThanOrEqualTo(op.get(side).get("latencyMsP50").asDouble());
                assertThat(op.get(side).get("errors").asLong())
                        .as(name + " " + side)
                        .isZero();
            }
            assertThat(op.get("figure").asBoolean()).as(name).isTrue();
            assertThat(op.get("throughputRatio").asDouble())
                    .as(name)
                    .isCloseTo(
                            op.get("sdlab").get("opsPerSecond").asDouble()
                                    / op.get("zookeeper").get("opsPerSecond").asDouble(),
                            org.assertj.core.data.Percentage.withPercentage(0.001));
            assertThat(op.get("latencyP99Ratio").isNumber()).as(name).isTrue();
            assertThat(op.get("goalMet").isBoolean()).as(name).isTrue();
        }
        assertThat(serverPids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEqualTo(Optional.empty()));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("servers left running")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--ops|create,delete|--ops takes [create, setData, getData], got 'delete'",
                "--sdlab-nodes|2|--sdlab-nodes 2: no 2-node coord cluster is offered; --sdlab-nodes can be [1, 3]",
                "--zk-connect|localhost|'localhost' in 'localhost' is not host:port",
                "--sdlab-connect|127.0.0.1:2181,|'' in '127.0.0.1:2181,' is not host:port",
                "--duration|fast|--duration needs a duration such as 10s or 500ms, got 'fast'",
                "--warmup|2h|--warmup must be between 0ms and 1h, got '2h'",
                "--clients|0|--clients must be between 1 and 10000, got 0",
                "--value-size|2000000|--value-size must be between 0 and 1000000, got 2000000",
                "--rounds|0|--rounds must be between 1 and 100, got 0",
            })
    void aBadOptionIsRefusedWithAMessageBeforeAnythingStarts(String option, String value, String message) {
        // Each mistake gets exit 2 and a line that names the option and what it takes; no server is started.
        int exit = bench(option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(message).doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .isEmpty();
    }

    @Test
    void startingAnSdlabClusterAndConnectingToOneAreExclusive() {
        // Which sdlab side a report describes must be unambiguous.
        int exit = bench("--sdlab-nodes", "3", "--sdlab-connect", "127.0.0.1:2181");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--sdlab-nodes starts an ensemble and --sdlab-connect uses a running one");
    }
}
