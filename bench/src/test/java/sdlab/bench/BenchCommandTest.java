package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import sdlab.bench.check.OracleFolder;

class BenchCommandTest {
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpListsBothBenchmarks() {
        // 'bench --help' names the simulator and checker benchmarks.
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("sim").contains("check");
    }

    @Test
    void aMissingOracleFolderIsOneLineSayingWhereItLookedAndWhatToPass(@TempDir Path empty) {
        // A wrong --oracles gives one line naming the folders tried and the option to fix it, exit 2.
        Run run = run("check", "--oracles", empty.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .contains(empty.toString())
                .contains("--oracles DIR");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownWorkloadIsRefusedWithTheChoices() {
        // 'sim --workload nope' names the workloads that exist and exits 2.
        Run run = run("sim", "--workload", "nope");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("quorum").contains("message-heavy");
    }

    @Test
    void aMeasurementTimeOfZeroIsRefused() {
        // At least one second must be measured.
        Run run = run("sim", "--seconds", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--seconds must be between 1 and 3600");
    }

    @Test
    void anUnknownLoadToolForBenchCacheIsRefusedWithTheChoices() {
        // 'cache --only' takes one of the two load tools and exits 2 on anything else.
        Run run = run("cache", "--only", "memtier");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'redis-benchmark' or 'memaslap'");
    }

    @Test
    void simPrintsItsFiguresAsJson() throws IOException {
        // One second of the quorum workload gives a JSON report with positive, consistent rates.
        Run run = run("sim", "--workload", "quorum", "--seconds", "1", "--warmup-seconds", "0", "--json");

        assertThat(run.exit()).isZero();
        JsonNode workload =
                new ObjectMapper().readTree(run.out()).get("workloads").get(0);
        assertThat(workload.get("name").asText()).isEqualTo("quorum");
        assertThat(workload.get("deliveriesPerSecond").asDouble()).isPositive();
        assertThat(workload.get("deliveriesPerSecond").asDouble())
                .isCloseTo(
                        workload.get("messagesDelivered").asDouble()
                                / workload.get("wallSeconds").asDouble(),
                        within(1.0));
        assertThat(workload.get("virtualToWallRatio").asDouble()).isPositive();
        assertThat(run.err()).contains("measuring quorum");
    }

    @Test
    void checkTimesEveryOracleHistoryAndAgreesWithTheirVerdicts() throws IOException {
        // Over the shared oracles, every history is timed, gets its source's verdict, and the total has a ratio.
        Optional<Path> porcupine = OracleFolder.findDefault();
        assumeTrue(porcupine.isPresent(), "no ../shared/oracles/porcupine beside the repository; skipped");

        Run run =
                run("check", "--oracles", porcupine.get().toString(), "--runs", "1", "--warmup-rounds", "0", "--json");

        assertThat(run.exit()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("histories").size()).isGreaterThanOrEqualTo(54);
        assertThat(report.get("total").get("verdictsAsExpected").asInt())
                .isEqualTo(report.get("histories").size());
        assertThat(report.get("total").get("porcupineRatio").asDouble()).isPositive();
    }

    @Test
    void limitersRunsJmhForTheChosenAlgorithmAndBucket4jOnBothThreadCounts() throws IOException {
        // One short JMH iteration per limiter and thread count: a score and a ratio to Bucket4j for each.
        Run run = run(
                "limiters",
                "--limiters",
                "token-bucket",
                "--warmup-iterations",
                "0",
                "--iterations",
                "1",
                "--iteration-ms",
                "100",
                "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode limiters = new ObjectMapper().readTree(run.out()).get("limiters");
        assertThat(limiters).hasSize(4);
        for (JsonNode limiter : limiters) {
            assertThat(limiter.get("name").asText()).isIn("token-bucket", "bucket4j");
            assertThat(limiter.get("threads").asInt()).isIn(1, 2);
            assertThat(limiter.get("callsPerMicrosecond").asDouble()).isPositive();
            if (limiter.get("name").asText().equals("bucket4j")) {
                assertThat(limiter.get("speedUpOverBucket4j").asDouble()).isEqualTo(1.0);
            }
        }
    }

    @Test
    void anUnknownLimiterIsRefusedWithTheChoices() {
        // 'limiters --limiters nope' names the algorithms and exits 2 without measuring anything.
        Run run = run("limiters", "--limiters", "nope");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown algorithm 'nope'").contains("gcra");
        assertThat(run.out()).isEmpty();
    }
}
