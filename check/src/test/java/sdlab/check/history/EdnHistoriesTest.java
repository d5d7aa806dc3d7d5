package sdlab.check.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Model;
import sdlab.check.linear.Models;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

/**
 * EDN histories as Jepsen and Knossos write them, read from the files in {@code
 * src/test/resources/edn} and checked: each file's comment says what shape it shows.
 */
class EdnHistoriesTest {

    @Test
    void jepsensHistoryEdnIsAVectorWithCommentsNemesisOpsInfoOpsTimesAndIndices() {
        // Shows: leading and trailing comments, :index ignored, :time kept, the nemesis (with a
        // map and a set in its value) skipped, and an :info write that may have taken effect.
        History h = parse("jepsen-history.edn");
        assertThat(h.ops()).hasSize(10).noneMatch(op -> op.f().contains("partition"));
        assertThat(h.ops().get(0)).isEqualTo(new Op(0, OpType.INVOKE, "write", null, 1L, 3291485317L, null));
        assertThat(h.ops().get(4).type()).isEqualTo(OpType.INFO);
        assertThat(h.ops().get(4).error()).isEqualTo("timeout");
        assertThat(h.ops().get(9).error()).isEqualTo("[:precondition-failed \"value was 2\"]");
        assertThat(check(h, Models.casRegister()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void knossossTestDataIsAList() {
        // Shows: a list of ops instead of a vector, and Knossos's cas-register violation found.
        LinearizabilityResult r = check(parse("knossos-list.edn"), Models.casRegister());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void taggedOpRecordsOnePerLineWithKeywordAndStringValues() {
        // Shows: #jepsen.history.Op{...} records, a #_ discarded form, extra fields (a string
        // node, a floating-point latency) ignored, and keyword and string values compared.
        History h = parse("tagged-ops.edn");
        assertThat(h.ops()).hasSize(8);
        assertThat(h.ops().get(1).value()).isEqualTo("a");
        assertThat(check(h, Models.register()).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void independentKeyValueTuplesAreCheckedPerKey() {
        // Shows: [k v] values become key k and value v, cas's [k [from to]] included, and the
        // violation is found on key 2 alone.
        History h = parse("independent.edn");
        assertThat(h.ops().get(4)).isEqualTo(new Op(0, OpType.INVOKE, "cas", "1", List.of(5L, 6L), 0, null));
        LinearizabilityResult r = check(h, Models.casRegister());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.partitions(Verdict.INVALID)).extracting(p -> p.key()).containsExactly("2");
        assertThat(r.partitions(Verdict.VALID)).extracting(p -> p.key()).containsExactly("1");
    }

    @Test
    void aCasOnlyHistoryIsNotMistakenForTuples() {
        // Shows: [from to] values of a history of nothing but cas stay values, not keys.
        History h = HistoryParser.parse(
                """
                [{:process 0 :type :invoke :f :cas :value [nil 1]}
                 {:process 0 :type :fail :f :cas :value [nil 1]}]
                """);
        assertThat(h.ops().get(0).key()).isNull();
    }

    @Test
    void multiRegisterTransactionsAreCheckedAtomically() {
        // Shows: :f :txn with [:r k v] / [:w k v] micro-ops, concurrent transactions ordered, and
        // a torn read (x from a transaction, y from before it) found.
        assertThat(check(parse("multi-register.edn"), Models.multiRegister()).verdict())
                .isEqualTo(Verdict.VALID);
        LinearizabilityResult torn = check(parse("multi-register-torn.edn"), Models.multiRegister());
        assertThat(torn.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(torn.partitions().getFirst().stateAfter()).isEqualTo("{\"x\" 1, \"y\" 2}");
    }

    @Test
    void aMalformedFileNamesItsLineAndWhatWasExpected() {
        // Shows: the op opened on line 4 is closed by the vector's bracket on line 5.
        assertThatThrownBy(() -> parse("malformed.edn"))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessage("line 5: expected '}' to close the map that starts on line 4, found ']'");
    }

    @Test
    void aTruncatedListNamesWhatWasExpected() {
        // Shows: a list cut off mid-file says which bracket it waited for.
        String text = ";; cut off\n({:process 0, :type :invoke, :f :read, :value nil}\n";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .hasMessage("line 3: expected ')' to close the history list, found the end of the input");
    }

    private static History parse(String name) {
        try (InputStream in = EdnHistoriesTest.class.getResourceAsStream("/edn/" + name)) {
            assertThat(in).as(name).isNotNull();
            return HistoryParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static LinearizabilityResult check(History h, Model model) {
        return Linearizability.check(h, model, CheckLimits.unlimited());
    }
}
