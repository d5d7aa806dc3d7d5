package sdlab.check.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

class HistoryParserTest {

    @Test
    void readsAJsonArray() {
        // The project's own format: an array of objects; key, time and error are optional.
        History h = HistoryParser.parse(
                """
                [{"process":0,"type":"invoke","f":"cas","key":"k","value":[1,2],"time":5},
                 {"process":0,"type":"fail","f":"cas","value":[1,2],"time":9,"error":"mismatch"}]
                """);
        assertThat(h.ops())
                .containsExactly(
                        new Op(0, OpType.INVOKE, "cas", "k", List.of(1L, 2L), 5, null),
                        new Op(0, OpType.FAIL, "cas", null, List.of(1L, 2L), 9, "mismatch"));
    }

    @Test
    void readsJsonLines() {
        // One object per line, blank lines allowed.
        History h = HistoryParser.parse(
                """
                {"process":1,"type":"invoke","f":"read","value":null}

                {"process":1,"type":"ok","f":"read","value":"x"}
                """);
        assertThat(h.ops()).extracting(Op::type).containsExactly(OpType.INVOKE, OpType.OK);
        assertThat(h.ops().get(1).value()).isEqualTo("x");
    }

    @Test
    void readsEdnMapsOnePerLine() {
        // Porcupine's kv files: EDN maps with keyword types and string keys.
        History h = HistoryParser.parse(
                """
                {:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}
                {:process 0, :type :ok, :f :append, :key "4", :value "x 0 1 y"}
                """);
        assertThat(h.ops().get(0)).isEqualTo(new Op(0, OpType.INVOKE, "append", "4", "x 0 1 y", 0, null));
        assertThat(h.size()).isEqualTo(2);
    }

    @Test
    void readsAnEdnVectorAndSkipsTheNemesis() {
        // Jepsen's history.edn: one vector; the nemesis's entries are not client operations.
        History h = HistoryParser.parse(
                """
                [{:process 0 :type :invoke :f :cas :value [1 2] :time 10}
                 {:process :nemesis :type :info :f :start :value nil}
                 ; a comment
                 {:process 0 :type :info :f :cas :value [1 2] :error :timeout}]
                """);
        assertThat(h.ops())
                .containsExactly(
                        new Op(0, OpType.INVOKE, "cas", null, List.of(1L, 2L), 10, null),
                        new Op(0, OpType.INFO, "cas", null, List.of(1L, 2L), 0, "timeout"));
    }

    @Test
    void readsJepsenLogLinesWithReasons() {
        // Etcd logs: tab-separated fields; a keyword where a value would be on fail/info is the reason.
        History h = HistoryParser.parse(
                """
                INFO  jepsen.core - starting
                INFO  jepsen.util - 3\t:invoke\t:cas\t[1 4]
                INFO  jepsen.util - :nemesis\t:info\t:start\tnil
                INFO  jepsen.util - 3\t:info\t:cas\t:timed-out
                INFO  jepsen.util - 2 :invoke :write 4
                INFO  jepsen.util - 2 :fail :read nil :timed-out
                """);
        assertThat(h.ops())
                .containsExactly(
                        new Op(3, OpType.INVOKE, "cas", null, List.of(1L, 4L), 0, null),
                        new Op(3, OpType.INFO, "cas", null, null, 0, "timed-out"),
                        new Op(2, OpType.INVOKE, "write", null, 4L, 0, null),
                        new Op(2, OpType.FAIL, "read", null, null, 0, "timed-out"));
    }

    @Test
    void readsFromAReader() {
        // The CLI hands over an open file as a Reader.
        History h = HistoryParser.parse(new StringReader("[{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}]"));
        assertThat(h.size()).isEqualTo(1);
    }

    @Test
    void detectsEachFormat() {
        // The first characters decide; an empty text is an empty history.
        assertThat(HistoryFormat.detect("  [ {\"process\":0}]")).isEqualTo(HistoryFormat.JSON);
        assertThat(HistoryFormat.detect("{\"process\":0}")).isEqualTo(HistoryFormat.JSON);
        assertThat(HistoryFormat.detect("[]")).isEqualTo(HistoryFormat.JSON);
        assertThat(HistoryFormat.detect("\n[{:process 0}]")).isEqualTo(HistoryFormat.EDN);
        assertThat(HistoryFormat.detect("{:process 0}")).isEqualTo(HistoryFormat.EDN);
        assertThat(HistoryFormat.detect("INFO  jepsen.util - 0 :invoke :read nil"))
                .isEqualTo(HistoryFormat.JEPSEN_LOG);
        assertThat(HistoryParser.parse("   ").size()).isZero();
    }

    @Test
    void rejectsTextThatIsNoHistory() {
        // Neither JSON, EDN nor a Jepsen log: the message lists what would have been accepted.
        assertThatThrownBy(() -> HistoryParser.parse("\n\nhello world"))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("JSON")
                .hasMessageContaining("EDN");
    }

    @Test
    void namesTheLineOfAJsonSyntaxError() {
        // A missing comma on line 3 of an array.
        String text = "[\n{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"},\n{\"process\":0 \"type\":\"ok\"}]";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageStartingWith("line 3: invalid JSON")
                .extracting(e -> ((MalformedHistoryException) e).lineNumber())
                .isEqualTo(3);
    }

    @Test
    void namesTheLineOfAnUnknownType() {
        // A typo in a JSON-lines type field.
        String text =
                "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n{\"process\":0,\"type\":\"okay\",\"f\":\"read\"}";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .hasMessageStartingWith("line 2: ")
                .hasMessageContaining("expected invoke, ok, fail or info");
    }

    @Test
    void namesTheLineOfAMissingField() {
        // EDN map without :f on the second line.
        String text = "{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok}";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .hasMessage("line 2: expected an operation name in field f, found nothing");
    }

    @Test
    void rejectsABadProcess() {
        // Processes are non-negative integers (or Jepsen's nemesis).
        assertThatThrownBy(() -> HistoryParser.parse("[{\"process\":-1,\"type\":\"invoke\",\"f\":\"read\"}]"))
                .hasMessageContaining("line 1: expected an integer process id");
    }

    @Test
    void rejectsUnsupportedValues() {
        // Values are nil, numbers, strings, keywords and vectors: a map is a mistake worth naming.
        assertThatThrownBy(() -> HistoryParser.parse("{:process 0 :type :invoke :f :write :value {:a 1}}"))
                .hasMessageContaining(
                        "line 1: expected a value that is nil, a number, a string, a keyword or a vector");
    }

    @Test
    void namesTheLineOfAnUnclosedEdnMap() {
        // The third line's map never closes.
        String text = "{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :read}\n{:process 1 :type :invoke";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .hasMessage("line 3: expected '}' to close the map, found the end of the input");
    }

    @Test
    void rejectsUnbalancedEdn() {
        // A vector closed by a parenthesis names both the line and the bracket it expected.
        assertThatThrownBy(() -> HistoryParser.parse("{:process 0 :type :invoke :f :cas :value [1 2)}"))
                .hasMessage("line 1: expected ']' to close the sequence, found ')'");
    }

    @Test
    void namesTheLineOfABadLogLine() {
        // Line 2 misspells :invoke.
        String text = "INFO  jepsen.util - 3\t:invoke\t:read\tnil\nINFO  jepsen.util - 3\t:invke\t:read\tnil";
        assertThatThrownBy(() -> HistoryParser.parse(text))
                .hasMessageStartingWith("line 2: ")
                .hasMessageContaining("expected invoke, ok, fail or info");
        assertThatThrownBy(() -> HistoryParser.parse("INFO  jepsen.util - 3\tinvoke\t:read\tnil"))
                .hasMessageContaining("line 1: expected a type keyword");
        assertThatThrownBy(() -> HistoryParser.parse("INFO  jepsen.util - 3\t:invoke"))
                .hasMessageContaining("line 1: expected 'process :type :f value'");
    }
}
