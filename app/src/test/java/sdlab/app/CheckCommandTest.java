package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdlab check} as a user runs it: verdicts, explanations, pages and Maelstrom's exit codes. */
class CheckCommandTest {
    /** A write of 1 that completed, then a read of the initial nil: no order explains it. */
    private static final String STALE =
            """
            {"process":0,"type":"invoke","f":"write","value":1,"time":0}
            {"process":0,"type":"ok","f":"write","value":1,"time":1}
            {"process":1,"type":"invoke","f":"read","value":null,"time":2}
            {"process":1,"type":"ok","f":"read","value":null,"time":3}
            """;

    /** The same operations, but the read overlaps the write, so it may take effect first. */
    private static final String CONCURRENT =
            """
            {"process":0,"type":"invoke","f":"write","value":1,"time":0}
            {"process":1,"type":"invoke","f":"read","value":null,"time":1}
            {"process":0,"type":"ok","f":"write","value":1,"time":2}
            {"process":1,"type":"ok","f":"read","value":null,"time":3}
            """;

    @TempDir
    Path dir;

    @Test
    void aLinearizableHistoryExitsZeroAndAViolationExitsOneWithTheOperationNamed() throws IOException {
        // Shows: the verdict decides the exit code, and an invalid verdict names what could not be placed.
        CommandLineRun valid = run("check", "--model", "register", file("ok.json", CONCURRENT));
        CommandLineRun invalid = run("check", "--model", "register", file("bad.json", STALE));

        assertThat(valid.exit()).isZero();
        assertThat(valid.out()).contains("linearizable");
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.out()).contains("NOT linearizable").contains(":read");
    }

    @Test
    void severalFilesGetOneLineEachAndTheWorstVerdictWins() throws IOException {
        // Shows: one line per file, and one invalid file makes the whole run exit 1.
        CommandLineRun run = run("check", "--model", "register", file("ok.json", CONCURRENT), file("bad.json", STALE));

        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void jsonAndHtmlReportsAreWritten() throws IOException {
        // Shows: --json prints machine-readable verdicts and --html writes a self-contained page.
        Path page = dir.resolve("bad.html");
        CommandLineRun run =
                run("check", "--model", "register", "--json", "--html", page.toString(), file("bad.json", STALE));

        assertThat(run.out()).contains("\"verdict\"");
        assertThat(Files.readString(page)).contains("<svg").doesNotContain("src=\"http");
    }

    @Test
    void badInputGetsOneLineAndExitTwo() throws IOException {
        // Shows: an unknown model, a missing file and a malformed history each say what is wrong, exit 2.
        CommandLineRun unknownModel = run("check", "--model", "regsiter", file("ok.json", CONCURRENT));
        CommandLineRun missing =
                run("check", "--model", "register", dir.resolve("absent.json").toString());
        CommandLineRun malformed =
                run("check", "--model", "register", file("broken.json", "{\"process\":0,\"type\":\"invoke\""));

        assertThat(unknownModel.exit()).isEqualTo(2);
        assertThat(unknownModel.err().strip())
                .startsWith("sdlab: no model named 'regsiter'")
                .doesNotContain("\n");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.out()).contains("line 1");
    }

    @Test
    void aKnossosListWithACommentAndTransactionsIsChecked() throws IOException {
        // Shows: EDN as Knossos writes it (a list after a comment) and the multi-register model.
        String torn =
                """
                ; a torn read
                ({:process 0, :type :invoke, :f :txn, :value [[:w :x 1] [:w :y 2]]}
                 {:process 0, :type :ok, :f :txn, :value [[:w :x 1] [:w :y 2]]}
                 {:process 1, :type :invoke, :f :txn, :value [[:r :x nil] [:r :y nil]]}
                 {:process 1, :type :ok, :f :txn, :value [[:r :x 1] [:r :y 0]]})
                """;
        CommandLineRun run = run("check", "--model", "multi-register", file("torn.edn", torn));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT linearizable").contains(":txn");
    }

    @Test
    void runningOutOfTheMemoryBudgetAnswersUnknownNotInvalid() throws IOException {
        // Shows: forty concurrent writes of unknown outcome and a read of a value none wrote need
        // a huge search; with a 1 MiB budget the answer is unknown (exit 2), never "invalid".
        StringBuilder history = new StringBuilder("[");
        for (int p = 0; p < 40; p++) {
            history.append("{:process ")
                    .append(p)
                    .append(" :type :invoke :f :write :value ")
                    .append(p)
                    .append("}\n");
        }
        history.append("{:process 99 :type :invoke :f :read :value nil}\n{:process 99 :type :ok :f :read :value 100}]");
        CommandLineRun run = run("check", "--model", "register", "--memory", "1", file("wide.edn", history.toString()));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("unknown").contains("memory limit of 1 MiB");
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    private static CommandLineRun run(String... args) {
        return CommandLineRun.of(args);
    }
}
