package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ShardCommandTest {
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
    void benchHelpNamesTheShardBench() {
        assertThat(run("--help").out()).contains("shard");
        assertThat(run("shard", "--help").out()).contains("--routing").contains("num_tokens");
    }

    @Test
    void aSmallRunPrintsOneLinePerNodeAndTokenCountAndSaysThePlacementIsRandom() {
        Run run = run("shard", "--nodes", "4", "--tokens", "1,16", "--placements", "20", "--sample-keys", "20000");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("RANDOM token placement").contains("CASSANDRA-13701");
        assertThat(run.out().lines().filter(line -> line.matches("\\s+4\\s+(1|16) \\|.*")))
                .hasSize(2);
        assertThat(run.err()).contains("sdlab bench:");
    }

    @Test
    void jsonHasARowPerLine() throws Exception {
        Run run =
                run("shard", "--nodes", "4,12", "--tokens", "4", "--placements", "10", "--sample-keys", "0", "--json");

        JsonNode rows = new ObjectMapper().readTree(run.out()).get("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("maxOverMeanMedian").asDouble()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aBadTokenCountIsAUsageError() {
        Run run = run("shard", "--tokens", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--tokens");
    }
}
