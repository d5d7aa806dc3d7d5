package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import sdlab.bench.repl.MariaDbPair;

/**
 * {@code bench repl} end to end against a real MariaDB primary and replica, briefly; it runs where mariadbd is
 * installed (apt-get install mariadb-server) and is skipped, saying so, where it is not, as in CI. No timing is
 * asserted: what must hold is that every mode ran without errors, semi-sync really was on, and no server is left.
 */
class ReplCommandMariaDbTest {
    @Test
    void everyMariaDbModeIsMeasuredWithSemiSyncCheckedAndNoServerOutlivesTheRun() throws Exception {
        assumeTrue(
                MariaDbPair.missing().isEmpty(),
                () -> "MariaDB is not installed here: " + MariaDbPair.missing().orElseThrow());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReplCommand(null));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                "--systems",
                "mariadb",
                "--clients",
                "2",
                "--warmup",
                "200ms",
                "--duration",
                "1s",
                "--rounds",
                "1",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString()).get("rows");
        List<String> modes = new ArrayList<>();
        rows.forEach(row -> {
            modes.add(row.get("mode").asText());
            assertThat(row.get("figure").asBoolean()).as(row.toString()).isTrue();
            assertThat(row.get("errors").asLong()).isZero();
            assertThat(row.get("commitsPerSecond").asDouble()).isPositive();
        });
        assertThat(modes).containsExactly("async", "semi-sync after-sync", "semi-sync after-commit");
        assertThat(rows.get(0).get("latencyP50Ratio").asDouble()).isEqualTo(1.0);
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info().command().orElse("")))
                .noneMatch(command -> command.endsWith("mariadbd"));
    }
}
