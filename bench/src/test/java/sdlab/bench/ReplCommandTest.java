package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code bench repl}'s options, checked before anything starts. */
class ReplCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        // Without a cluster launcher, as the bench module alone would run it: sdlab is then skipped.
        CommandLine cli = new CommandLine(new ReplCommand(null));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--clients|0|--clients must be between 1 and 128",
                "--duration|soon|--duration needs a duration such as 10s",
                "--warmup|2h|--warmup must be between",
                "--rounds|0|--rounds must be between 1 and 100",
                "--systems|mysql|--systems takes sdlab, mariadb, postgresql, got 'mysql'",
                "--systems|sdlab,sdlab|--systems names sdlab twice"
            })
    void aBadOptionIsAUsageErrorNamingIt(String option, String value, String message) {
        assertThat(bench(option, value)).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aSystemThatCannotRunIsSkippedWithItsReason() {
        assertThat(bench("--systems", "sdlab")).isEqualTo(2);
        assertThat(err.toString())
                .contains("skipping sdlab: this build has no cluster launcher")
                .contains("no system can run here");
    }

    @Test
    void theHelpSaysWhatIsComparedAndHowToReadIt() {
        assertThat(bench("--help")).isZero();
        assertThat(out.toString())
                .contains("MariaDB", "PostgreSQL", "semi-sync", "synchronous_commit", "/proc/loadavg", "--json");
    }
}
