package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SweepCommandTest {
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
    void benchHelpNamesTheSweepBenchmark() {
        // 'bench --help' lists sweep beside sim and check.
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("sweep");
    }

    @Test
    void anUnknownExperimentIsRefusedWithTheChoices() {
        // A mistyped id exits 2 and names the experiments that exist, chapter 10's among them.
        Run run = run("sweep", "--experiment", "quorm");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no experiment named 'quorm'").contains("quorum");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "--seeds, 0, --seeds must be from 1 to",
        "--rounds, 0, --rounds must be from 1 to 100",
        "--rounds, 101, --rounds must be from 1 to 100",
        "--threads, 0, --threads must be from 1 to 256"
    })
    void countsOutOfRangeAreRefusedWithTheRange(String option, String value, String message) {
        // Every count has a range; a value outside it exits 2 with the range, before anything runs.
        Run run = run("sweep", option, value);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void twoRoundsOfAFewSeedsGiveTheSameReportAndPositiveFigures() throws IOException {
        // Three seeds of chapter 10 twice on one thread: both rounds render the same report, with times measured.
        Run run = run("sweep", "--seeds", "3", "--rounds", "2", "--threads", "1", "--json");

        assertThat(run.exit()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("experiment").asText()).isEqualTo("quorum");
        assertThat(report.get("seeds").asInt()).isEqualTo(3);
        assertThat(report.get("variants").asInt()).isEqualTo(9);
        assertThat(report.get("rounds")).hasSize(2);
        assertThat(report.get("rounds").get(0).get("wallSeconds").asDouble()).isPositive();
        assertThat(report.get("rounds").get(0).get("reportChars").asInt()).isPositive();
        assertThat(report.get("reportsIdentical").asBoolean()).isTrue();
        assertThat(report.has("goal"))
                .as("the goal is stated for 1,000 seeds only")
                .isFalse();
        assertThat(run.err()).contains("round 1 of 2");
    }
}
