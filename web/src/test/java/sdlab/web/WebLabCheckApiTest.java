package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.chapters.quorum.QuorumExperiment;
import sdlab.check.linear.Models;

/**
 * Check your own history: {@code POST /api/check} reads a history in each format {@code sdlab check} reads, checks it
 * against the model asked for, and answers with the verdict, the explanation and the operations that could not be
 * placed; a history it cannot read, an unknown model or a malformed body is a 400 that says what to fix.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebLabCheckApiTest {
    /** A register written 1 and then read as 0 after the write completed: not linearizable. */
    static final String STALE_READ_JSON =
            """
            [{"process": 0, "type": "invoke", "f": "write", "value": 1, "time": 0},
             {"process": 0, "type": "ok", "f": "write", "value": 1, "time": 10},
             {"process": 1, "type": "invoke", "f": "read", "value": null, "time": 20},
             {"process": 1, "type": "ok", "f": "read", "value": 0, "time": 30}]
            """;

    static final String VALID_JSON_LINES =
            """
            {"process": 0, "type": "invoke", "f": "write", "value": 1}
            {"process": 0, "type": "ok", "f": "write", "value": 1}
            {"process": 1, "type": "invoke", "f": "read", "value": null}
            {"process": 1, "type": "ok", "f": "read", "value": 1}
            """;

    static final String VALID_EDN =
            """
            [{:process 0, :type :invoke, :f :write, :value 3}
             {:process 0, :type :ok, :f :write, :value 3}
             {:process 1, :type :invoke, :f :read, :value nil}
             {:process 1, :type :ok, :f :read, :value 3}]
            """;

    static final String VALID_JEPSEN_LOG =
            """
            INFO  jepsen.util - 0	:invoke	:write	2
            INFO  jepsen.util - 0	:ok	:write	2
            INFO  jepsen.util - 1	:invoke	:read	nil
            INFO  jepsen.util - 1	:ok	:read	2
            """;

    @TempDir
    static Path runsDir;

    private static WebLab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws Exception {
        lab = WebLab.start(WebLabSettings.of(List.of(new QuorumExperiment()), 0, runsDir));
        client = new LabClient(lab.url());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void theModelsAreThoseSdlabCheckOffers() {
        JsonNode models = client.get("/api/check/models").json();

        List<String> names = new ArrayList<>();
        models.path("models").forEach(m -> names.add(m.asText()));
        assertThat(names).containsExactlyElementsOf(Models.names());
        assertThat(models.path("bodyBytesMax").asLong()).isEqualTo(CheckApi.BODY_BYTES_MAX);
    }

    @Test
    void aStaleReadIsInvalidAndItsReadIsTheOperationThatCannotBePlaced() {
        LabClient.Answer answer = check("register", STALE_READ_JSON);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.path("verdict").asText()).isEqualTo("INVALID");
        assertThat(result.path("exitCode").asInt()).isEqualTo(1);
        assertThat(result.path("explanation").asText()).contains("linearizable prefix");
        assertThat(result.path("operations")).hasSize(2);
        assertThat(result.path("partitions").get(0).path("unplaced").get(0).asInt())
                .isEqualTo(1);
        assertThat(result.path("operations").get(1).path("f").asText()).isEqualTo("read");
        assertThat(result.path("operations").get(1).path("invokeTimeNanos").asLong())
                .isEqualTo(20);
        JsonNode write = result.path("operations").get(0);
        assertThat(write.path("order").asInt()).isEqualTo(1);
        assertThat(write.path("stateAfter").asText()).isEqualTo("1");
        assertThat(result.path("operations").get(1).path("order").isNull()).isTrue();
    }

    @Test
    void eachLinearizedOperationHasTheModelsStateBeforeAndAfterIt() {
        JsonNode operations = check("register", VALID_JSON_LINES).json().path("operations");

        JsonNode read = operations.get(1);
        assertThat(read.path("order").asInt()).isEqualTo(2);
        assertThat(read.path("stateBefore").asText()).isEqualTo("1");
        assertThat(read.path("stateAfter").asText()).isEqualTo("1");
        assertThat(operations.get(0).path("stateBefore").asText())
                .isNotEqualTo(operations.get(0).path("stateAfter").asText());
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("JSON lines", VALID_JSON_LINES),
                Arguments.of("Jepsen EDN", VALID_EDN),
                Arguments.of("Jepsen log lines", VALID_JEPSEN_LOG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyFormatSdlabCheckReadsIsRead(String format, String history) {
        LabClient.Answer answer = check("register", history);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("verdict").asText()).isEqualTo("VALID");
        assertThat(answer.json().path("operations")).hasSize(2);
    }

    static Stream<Arguments> badChecks() {
        return Stream.of(
                Arguments.of("", 400, "the body is empty"),
                Arguments.of("[1, 2]", 400, "the body must be a JSON object"),
                Arguments.of("{\"model\": ", 400, "the body is not JSON"),
                Arguments.of("{\"history\": \"[]\"}", 400, "name the model"),
                Arguments.of("{\"model\": \"stack\", \"history\": \"[]\"}", 400, "no model named 'stack'; use one of"),
                Arguments.of("{\"model\": \"register\"}", 400, "paste or upload a history"),
                Arguments.of("{\"model\": \"register\", \"history\": \"[]\", \"x\": 1}", 400, "unknown field 'x'"),
                Arguments.of(
                        "{\"model\": \"register\", \"history\": \"{\\\"process\\\": 0, \\\"type\\\": \\\"invoke\\\"}\"}",
                        400,
                        "the history could not be read: line 1"),
                Arguments.of(
                        "{\"model\": \"register\", \"history\": \"hello\"}",
                        400,
                        "the history could not be read: line 1: expected a history"));
    }

    @ParameterizedTest
    @MethodSource("badChecks")
    void aBadCheckIsRefusedWithWhatToFix(String body, int status, String message) {
        LabClient.Answer answer = client.postJson("/api/check", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.error()).contains(message);
    }

    @Test
    void aHistoryMustBeSentAsJson() {
        LabClient.Answer answer = client.post("/api/check", "text/plain", STALE_READ_JSON);

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error()).startsWith("send the body as JSON");
    }

    @Test
    void aHistoryOverTheBodyBoundIsRefused() {
        String padding = "x".repeat((int) CheckApi.BODY_BYTES_MAX);
        LabClient.Answer answer = check("register", padding);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.error()).isEqualTo("the body is larger than 8388608 bytes, the most any route takes");
    }

    private static LabClient.Answer check(String model, String history) {
        ObjectNode body = JsonText.object().put("model", model).put("history", history);
        return client.postJson("/api/check", JsonText.write(body));
    }
}
