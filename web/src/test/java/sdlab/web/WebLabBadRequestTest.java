package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import sdlab.lab.Experiment;
import sdlab.lab.ParamException;

/**
 * Every bad request gets a 4xx and a JSON {@code {"error"}} that says what was wrong: unknown chapters and runs,
 * malformed bodies, parameter values the experiment's own parameters refuse (with their own messages), seeds beyond
 * the server's bound, more runs at once than it allows, a body that is not JSON, a request addressed to another host.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WebLabBadRequestTest {
    private static final Experiment QUORUM = new QuorumExperiment();
    private static final int SEEDS_MAX = 500;

    @TempDir
    static Path runsDir;

    private static WebLab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws Exception {
        WebLabSettings settings = WebLabSettings.of(List.of(QUORUM), 0, runsDir)
                .withSeedsMax(SEEDS_MAX)
                .withRunsConcurrentMax(1)
                .withEventStreamsMax(2);
        lab = WebLab.start(settings);
        client = new LabClient(lab.url());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static Stream<Arguments> badRuns() {
        return Stream.of(
                Arguments.of("{", 400, "the body is not JSON"),
                Arguments.of("", 400, "the body is empty"),
                Arguments.of("[1, 2]", 400, "the body must be a JSON object"),
                Arguments.of("{\"seeds\": 5}", 400, "name the experiment"),
                Arguments.of("{\"experiment\": \"quorom\"}", 404, "no chapter 'quorom'; chapters: quorum"),
                Arguments.of("{\"experiment\": \"quorum\", \"speed\": 1}", 400, "unknown field 'speed'"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"params\": {\"bogus\": 1}}",
                        400,
                        "quorum has no parameter 'bogus'; its parameters: nodes, clients"),
                Arguments.of("{\"experiment\": \"quorum\", \"params\": {\"nodes\": 99}}", 400, refusal("nodes", "99")),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"params\": {\"loss\": \"lots\"}}", 400, refusal("loss", "lots")),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"params\": {\"faults\": \"floods\"}}",
                        400,
                        refusal("faults", "floods")),
                Arguments.of("{\"experiment\": \"quorum\", \"params\": [1]}", 400, "params must be an object"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"seeds\": 0}",
                        400,
                        "seeds must be an integer from 1 to 500 (this server's bound on one run), got 0"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"seeds\": 501}",
                        400,
                        "seeds must be an integer from 1 to 500 (this server's bound on one run), got 501"),
                Arguments.of("{\"experiment\": \"quorum\", \"seeds\": 2.5}", 400, "seeds must be an integer"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"firstSeed\": \"one\"}", 400, "firstSeed must be an integer"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"firstSeed\": 9223372036854775807}",
                        400,
                        "plus 200 seeds is beyond the largest seed"));
    }

    @ParameterizedTest
    @MethodSource("badRuns")
    void aBadRunRequestIsRefusedWithAMessageThatSaysWhy(String body, int status, String message) {
        int runsBefore = client.get("/api/runs").json().size();

        LabClient.Answer answer = client.postJson("/api/runs", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.error()).contains(message);
        assertThat(client.get("/api/runs").json()).hasSize(runsBefore);
    }

    static Stream<Arguments> badLookups() {
        return Stream.of(
                Arguments.of("GET", "/api/chapters/nope", 404, "no chapter 'nope'; chapters: quorum"),
                Arguments.of("GET", "/api/runs/nope", 404, "no run 'nope'"),
                Arguments.of("GET", "/api/runs/..%2Fpom.xml", 404, "no run"),
                Arguments.of("DELETE", "/api/runs/nope", 404, "no run 'nope'"),
                Arguments.of("GET", "/api/runs/nope/events", 404, "no run 'nope'"),
                Arguments.of("PUT", "/api/chapters", 405, "PUT is not allowed on /api/chapters"),
                Arguments.of("GET", "/api/nothing", 404, "no API route GET /api/nothing"));
    }

    @ParameterizedTest
    @MethodSource("badLookups")
    void anUnknownChapterRunOrRouteIsA404WithAMessage(String method, String path, int status, String message) {
        LabClient.Answer answer =
                switch (method) {
                    case "GET" -> client.get(path);
                    case "DELETE" -> client.delete(path);
                    default -> client.send(method, path);
                };

        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.error()).contains(message);
    }

    @Test
    void aRunMustBeSentAsJson() {
        LabClient.Answer answer = client.post("/api/runs", "text/plain", "{\"experiment\": \"quorum\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.error())
                .isEqualTo("send the body as JSON with Content-Type: application/json, not text/plain");
    }

    @Test
    void aBodyOverTheSizeBoundIsRefused() {
        String padding = "x".repeat((int) WebLab.RUN_BYTES_MAX);
        LabClient.Answer answer =
                client.postJson("/api/runs", "{\"experiment\": \"quorum\", \"pad\": \"" + padding + "\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.error()).isEqualTo("the body is larger than 65536 bytes; a run request is a few hundred");
    }

    @Test
    void runEventsAreServedOnlyAsAnEventStream() {
        String id = client.start("{\"experiment\": \"quorum\", \"seeds\": 1}");
        client.events(id);

        LabClient.Answer answer = client.get("/api/runs/" + id + "/events");

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.error()).isEqualTo("the events of a run are a stream: ask with Accept: text/event-stream");
    }

    @Test
    void oneRunMoreThanTheBoundAllowsIsRefusedUntilOneEnds() {
        String running = client.start("{\"experiment\": \"quorum\", \"seeds\": 500}");

        LabClient.Answer second = client.postJson("/api/runs", "{\"experiment\": \"quorum\", \"seeds\": 1}");
        client.delete("/api/runs/" + running);
        client.events(running);

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.error())
                .isEqualTo("this server runs at most 1 runs at a time and 1 are in progress; wait for one to end or "
                        + "cancel it (DELETE /api/runs/{id})");
    }

    @Test
    void oneEventStreamMoreThanTheBoundAllowsIsRefused() {
        String running = client.start("{\"experiment\": \"quorum\", \"seeds\": 500}");
        HttpResponse<Stream<String>> first = client.openEvents(running);
        HttpResponse<Stream<String>> second = client.openEvents(running);

        HttpResponse<Stream<String>> third = client.openEvents(running);
        String refusal = third.body().collect(Collectors.joining());
        client.delete("/api/runs/" + running);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(refusal)
                .contains("this server keeps at most 2 event streams open at once; close one (EventSource.close()) and "
                        + "ask again");
        assertThat(LabClient.readEvents(first).getLast().data().path("state").asText())
                .isEqualTo("cancelled");
        assertThat(LabClient.readEvents(second).getLast().data().path("state").asText())
                .isEqualTo("cancelled");
    }

    @Test
    void aRequestAddressedToAnotherHostIsRefused() throws Exception {
        // HttpClient will not send another Host header, so this one request is written by hand.
        try (Socket socket = new Socket("127.0.0.1", lab.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/chapters HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            String response = in.lines().reduce("", (a, b) -> a + b + "\n");

            assertThat(statusLine).contains(" 403 ");
            assertThat(response)
                    .contains("this lab answers only requests to 127.0.0.1 or localhost, not 'attacker.example:80'");
        }
    }

    /** The message the experiment's own parameter gives for this value: the API must pass it on unchanged. */
    private static String refusal(String name, String text) {
        try {
            QUORUM.params().stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .parse(text);
        } catch (ParamException e) {
            return e.getMessage();
        }
        throw new AssertionError("--" + name + " takes '" + text + "'");
    }
}
