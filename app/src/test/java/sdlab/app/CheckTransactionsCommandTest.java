package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdlab check --model list-append|rw-register}: anomalies explained, models ruled out, the same exit codes. */
class CheckTransactionsCommandTest {
    /** Read skew: T1 sees y after T0's append but x before it. */
    private static final String READ_SKEW =
            """
            [{:process 0, :type :invoke, :f :txn, :value [[:append :x 1] [:append :y 1]]}
             {:process 1, :type :invoke, :f :txn, :value [[:r :x nil] [:r :y nil]]}
             {:process 0, :type :ok, :f :txn, :value [[:append :x 1] [:append :y 1]]}
             {:process 1, :type :ok, :f :txn, :value [[:r :x []] [:r :y [1]]]}
             {:process 2, :type :invoke, :f :txn, :value [[:r :x nil]]}
             {:process 2, :type :ok, :f :txn, :value [[:r :x [1]]]}]
            """;

    /** Two appends in one transaction, as JSON micro-operations. */
    private static final String APPENDS = "[[\"append\",\"x\",1],[\"append\",\"y\",1]]";

    @TempDir
    Path dir;

    @Test
    void anAnomalyIsExplainedWithItsCycleAndTheModelsItRulesOutAndExitsOne() throws IOException {
        // Shows: the text names the kind, the transactions and edges, and what is and is not ruled out.
        CommandLineRun run = CommandLineRun.of("check", "--model", "list-append", file("skew.edn", READ_SKEW));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("G-single")
                .contains("T1 -rw-> T0: T1 read x = [], which misses T0's append of 1")
                .contains("Ruled out: repeatable-read")
                .contains("Not ruled out: read-uncommitted");
    }

    @Test
    void aCleanHistoryExitsZero() throws IOException {
        // Shows: an append, then a read that sees it: no anomaly, exit 0, in JSON lines as elle-cli takes them.
        String json = "{\"process\":0,\"type\":\"invoke\",\"f\":\"txn\",\"value\":" + APPENDS + "}\n"
                + "{\"process\":0,\"type\":\"ok\",\"f\":\"txn\",\"value\":" + APPENDS + "}\n"
                + "{\"process\":1,\"type\":\"invoke\",\"f\":\"txn\",\"value\":[[\"r\",\"x\",null]]}\n"
                + "{\"process\":1,\"type\":\"ok\",\"f\":\"txn\",\"value\":[[\"r\",\"x\",[1]]]}\n";

        CommandLineRun run = CommandLineRun.of("check", "--model", "list-append", file("ok.json", json));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("VALID (list-append)").contains("no anomaly");
    }

    @Test
    void jsonListsEachAnomalyWithItsCycle() throws IOException {
        // Shows: --json gives kinds, transactions and each step's edge and reason.
        CommandLineRun run =
                CommandLineRun.of("check", "--model", "list-append", "--json", file("skew.edn", READ_SKEW));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("\"kind\" : \"G-single\"")
                .contains("\"edge\" : \"rw\"")
                .contains("\"ruledOut\"");
    }

    @Test
    void malformedTransactionsAndUnsupportedOptionsExitTwoWithAMessage() throws IOException {
        // Shows: a wrong micro-operation names its entry (the ok completion, whose value is read); --html is refused
        // for transactional models; a misspelt model lists the transactional ones too.
        String registerInListAppend = READ_SKEW.replace(":append :x 1", ":w :x 1");
        CommandLineRun malformed =
                CommandLineRun.of("check", "--model", "list-append", file("bad.edn", registerInListAppend));
        CommandLineRun html = CommandLineRun.of(
                "check",
                "--model",
                "rw-register",
                "--html",
                dir.resolve("p.html").toString(),
                file("s.edn", READ_SKEW));
        CommandLineRun unknown = CommandLineRun.of("check", "--model", "list-apend", file("s.edn", READ_SKEW));

        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.out())
                .contains("BAD INPUT")
                .contains("history entry 3")
                .contains("append");
        assertThat(html.exit()).isEqualTo(2);
        assertThat(html.err()).contains("--html");
        assertThat(unknown.err()).contains("list-append, rw-register");
    }

    @Test
    void rwRegisterHistoriesAreCheckedToo() throws IOException {
        // Shows: the register workload: a nil read beside a read of the same transaction's other write.
        String skew = READ_SKEW.replace(":append", ":w").replace("[]", "nil").replace("[1]", "1");

        CommandLineRun run = CommandLineRun.of("check", "--model", "rw-register", file("reg.edn", skew));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("G-single").contains("the initial state");
    }

    private String file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }
}
