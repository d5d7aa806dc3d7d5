package sdlab.check.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Models;

class ReportTest {
    private static final String VALID =
            """
            INFO  jepsen.util - 0\t:invoke\t:write\t1
            INFO  jepsen.util - 0\t:ok\t:write\t1
            INFO  jepsen.util - 1\t:invoke\t:read\tnil
            INFO  jepsen.util - 1\t:ok\t:read\t1
            """;
    private static final String INVALID =
            """
            [{"process":0,"type":"invoke","f":"write","value":1},
             {"process":0,"type":"ok","f":"write","value":1},
             {"process":0,"type":"invoke","f":"write","value":2},
             {"process":0,"type":"ok","f":"write","value":2},
             {"process":1,"type":"invoke","f":"read","value":null},
             {"process":1,"type":"ok","f":"read","value":1},
             {"process":2,"type":"invoke","f":"cas","value":[2,3]},
             {"process":2,"type":"info","f":"cas","value":[2,3]}]
            """;
    private static final String BAD = "{:process 0 :type :invoke :f :read}\n{:process 0 :type :okay :f :read}";

    private static List<CheckOutcome> check(String... texts) {
        List<NamedInput> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            inputs.add(new NamedInput("h" + i, texts[i]));
        }
        return Checker.run(new CheckRequest(Models.casRegister(), inputs, CheckLimits.unlimited()));
    }

    @Test
    void exitCodesFollowMaelstrom() {
        // 0 valid, 1 invalid, 2 bad input or unknown; bad input wins, then invalid.
        assertThat(Checker.exitCode(check(VALID))).isZero();
        assertThat(Checker.exitCode(check(VALID, INVALID))).isEqualTo(1);
        assertThat(Checker.exitCode(check(INVALID, BAD))).isEqualTo(2);
        List<CheckOutcome> limited = Checker.run(
                new CheckRequest(Models.casRegister(), List.of(new NamedInput("h", INVALID)), CheckLimits.steps(1)));
        assertThat(limited.get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(Checker.exitCode(limited)).isEqualTo(2);
    }

    @Test
    void badInputIsAnOutcomeNamingTheLine() {
        // The checker never throws for bad input: the CLI prints the reason and exits 2.
        CheckOutcome bad = check(BAD).get(0);
        assertThat(bad.isBadInput()).isTrue();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(TextReport.line(bad))
                .isEqualTo("h0: BAD INPUT (cas-register) - line 2: unknown operation type 'okay': expected invoke, ok,"
                        + " fail or info");
    }

    @Test
    void textExplainsAViolationWithTheOperationsThatCouldNotBePlaced() {
        // The read of 1 after the write of 2 completed is the op that cannot be placed.
        CheckOutcome outcome = check(INVALID).get(0);
        assertThat(TextReport.line(outcome))
                .isEqualTo("h0: INVALID (cas-register) - the register: only 2 of 4 operations linearize;"
                        + " :read -> 1 (op 2) cannot be placed");
        assertThat(TextReport.explain(outcome))
                .contains("NOT linearizable")
                .contains("longest linearizable prefix has 2 operations and leaves the state 2")
                .contains("op 2, process 1, :read -> 1, entries 5-6")
                .doesNotContain("op 3"); // the unknown cas began after the read ended: not a candidate
    }

    @Test
    void textSummarisesAValidHistory() {
        // One line per file when several are checked.
        assertThat(TextReport.line(check(VALID).get(0)))
                .isEqualTo("h0: VALID (cas-register) - 2 operations, 1 partition(s), linearizable");
    }

    @Test
    void jsonHasTheStableShape() throws Exception {
        // Scripts read exitCode, each input's verdict and each partition's evidence.
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(check(INVALID, BAD)));
        assertThat(root.get("exitCode").asInt()).isEqualTo(2);
        JsonNode first = root.get("inputs").get(0);
        assertThat(first.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(first.get("badInput").isNull()).isTrue();
        JsonNode partition = first.get("partitions").get(0);
        assertThat(partition.get("key").isNull()).isTrue();
        assertThat(partition.get("linearization")).hasSize(2);
        assertThat(partition.get("unplaced").get(0).asInt()).isEqualTo(2);
        assertThat(root.get("inputs").get(1).get("badInput").asText()).startsWith("line 2:");
    }

    @Test
    void htmlIsSelfContainedAndHighlightsTheViolation() {
        // One page, no scripts, fonts or links; the unplaced read is drawn as such.
        String html = HtmlReport.render(check(INVALID).get(0));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("class=\"op unplaced ok\"")
                .contains("class=\"op placed ok\"")
                .contains("process 2");
        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("@import");
    }

    @Test
    void htmlEscapesWhatTheHistorySays() {
        // A value is text from a user's file: it must not become markup.
        String text = "{\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":\"<b>x</b>\"}\n"
                + "{\"process\":0,\"type\":\"ok\",\"f\":\"write\",\"value\":\"<b>x</b>\"}";
        String html = HtmlReport.render(check(text).get(0));
        assertThat(html).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;");
    }
}
