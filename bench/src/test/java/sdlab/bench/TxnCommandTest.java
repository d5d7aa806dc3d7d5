package sdlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sdlab bench txn} at a tiny size: the smoke test CI can afford; the real sizes run by hand. */
class TxnCommandTest {
    @Test
    void aTinyRunPrintsOneRowPerStoreAndElleAnchor() {
        // Shows: both stores are timed and reported beside Elle's published figure.
        CommandLine cli = new CommandLine(new BenchCommand());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int exit =
                cli.execute("txn", "--txns", "300", "--interleaved-max", "300", "--parsed-max", "300", "--runs", "1");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("serializable")
                .contains("no isolation")
                .contains("Elle (published");
        assertThat(out.toString().lines().filter(l -> l.strip().startsWith("300 ")))
                .hasSize(3);
    }
}
