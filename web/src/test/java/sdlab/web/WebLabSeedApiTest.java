package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
import sdlab.lab.ForkText;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;

/**
 * One seed, stepped: {@code GET /api/chapters/{id}/seeds/{seed}} and {@code GET /api/runs/{id}/seeds/{seed}} give
 * the replayed seed's whole trace, its client history and the claims' verdict on it, checked against the lab's own
 * replay of the same seed; every bad request is a 4xx that says what is allowed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WebLabSeedApiTest {
    private static final Experiment QUORUM = new QuorumExperiment();

    @TempDir
    static Path runsDir;

    private static WebLab lab;
    private static LabClient client;

    @BeforeAll
    static void start() throws Exception {
        lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, runsDir));
        client = new LabClient(lab.url());
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void aChaptersSeedGivesEveryTraceEventTheHistoryAndTheVerdictOfTheLabsOwnReplay() {
        LabClient.Answer answer = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode seed = answer.json();
        SeedRun replayed = replay(ParamValues.defaults(QUORUM.params()), 5, "n3r1w3");
        assertThat(seed.path("seed").asLong()).isEqualTo(5);
        assertThat(seed.path("variant").asText()).isEqualTo("n3r1w3");
        assertThat(seed.path("replayCommand").asText())
                .isEqualTo("./sdlab run quorum --seed 5 --variant n3r1w3 --trace");
        assertThat(seed.path("eventFields")).hasSize(TraceJson.EVENT_FIELDS.size());
        assertThat(shownEvents(seed))
                .containsExactlyElementsOf(
                        replayed.trace().stream().map(TraceEvent::detail).toList());
        assertThat(texts(seed.path("nodes"))).contains("n1", "n7", "c1", "c5");
        JsonNode operations = seed.path("operations");
        assertThat(operations).hasSize(replayed.history().orElseThrow().ops().size() / 2);
        List<String> flagged = new ArrayList<>();
        operations.forEach(op -> {
            if (op.path("flagged").isTextual()) {
                flagged.add(op.path("name").asText());
                assertThat(replayed.flaggedOperations())
                        .containsKey(op.path("id").asInt());
            }
        });
        assertThat(flagged).hasSize(replayed.flaggedOperations().size()).contains("op 59");
        JsonNode linearizable = claim(seed, "linearizableWhenQuorumsOverlap");
        assertThat(linearizable.path("holds").asBoolean()).isFalse();
        assertThat(seed.path("verdict").path("findings").toString()).contains("op 59");
    }

    @Test
    void eachOperationsMessagesAreThoseItsHandlersSent() {
        JsonNode seed =
                client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
        JsonNode op59 = findOperation(seed, "op 59");
        int invoke = op59.path("invokeEvent").asInt();
        JsonNode firstSend = seed.path("events").get(invoke + 1);

        assertThat(firstSend.get(1).asText()).isEqualTo("SEND");
        assertThat(firstSend.get(5).asInt()).isEqualTo(op59.path("id").asInt());
        int complete = op59.path("completeEvent").asInt();
        JsonNode reply = seed.path("events").get(complete - 1);
        assertThat(reply.get(1).asText()).isEqualTo("DELIVER");
        assertThat(reply.get(5).asInt()).isEqualTo(op59.path("id").asInt());
    }

    @Test
    void aKeptRunsSeedIsReplayedWithTheRunsParameters() {
        String id = client.start("{\"experiment\": \"quorum\", \"params\": {\"loss\": 0.05}, \"seeds\": 1}");
        client.events(id);

        LabClient.Answer answer = client.get("/api/runs/" + id + "/seeds/1?variant=n3r1w1");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode seed = answer.json();
        assertThat(seed.path("params").path("loss").asText()).isEqualTo("0.05");
        assertThat(seed.path("replayCommand").asText()).contains("--loss 0.05 --seed 1 --variant n3r1w1");
        ParamValues values = ParamValues.defaults(QUORUM.params())
                .with(
                        QUORUM.params().stream()
                                .filter(p -> p.name().equals("loss"))
                                .findFirst()
                                .orElseThrow(),
                        "0.05");
        assertThat(shownEvents(seed))
                .hasSize(replay(values, 1, "n3r1w1").trace().size());
    }

    @Test
    void aSeedIsSentGzippedToClientsThatTakeIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(lab.url().resolve("/api/chapters/quorum/seeds/5?variant=n3r1w3"))
                .header("Accept-Encoding", "gzip")
                .build();

        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            int plainBytes = unzipped.readAllBytes().length;
            System.out.printf("seed 5 of n3r1w3: %d bytes of JSON sent as %d%n", plainBytes, response.body().length);
            assertThat(response.body().length).isLessThan(plainBytes / 4);
        }
    }

    static Stream<Arguments> badSeeds() {
        return Stream.of(
                Arguments.of("/api/chapters/nope/seeds/5?variant=n3r1w3", 404, "no chapter 'nope'; chapters: quorum"),
                Arguments.of("/api/chapters/quorum/seeds/five?variant=n3r1w3", 400, "the seed must be an integer"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/9223372036854775807?variant=n3r1w3",
                        400,
                        "the seed must be below 9223372036854775807"),
                Arguments.of("/api/chapters/quorum/seeds/5", 400, "name the variant to trace: ?variant=NAME, one of"),
                Arguments.of("/api/chapters/quorum/seeds/5?variant=n9r9w9", 404, "no variant 'n9r9w9'"),
                Arguments.of("/api/chapters/quorum/seeds/5?variant=n3r1w3&colour=red", 400, "no parameter 'colour'"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/5?variant=n3r1w3&nodes=99",
                        400,
                        "--nodes must be an integer from 5 to 15"),
                Arguments.of("/api/runs/nope/seeds/5?variant=n3r1w3", 404, "no kept run 'nope'"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:zap:406",
                        400,
                        "bad fork '1027:zap:406': unknown change 'zap'"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:drop:407",
                        400,
                        "message #407 is not in flight after step 1027"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:crash:n99:1s",
                        400,
                        "cannot after step 1027: crash n99 for 1 s: n99 is not a node"),
                Arguments.of(
                        "/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=999999:drop:406",
                        400,
                        "never reached after step 999999"));
    }

    @Test
    void eachOperationHasItsPlaceInItsKeysLinearizationAndTheStatesAroundIt() {
        JsonNode seed =
                client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
        Map<String, List<JsonNode>> byKey = new java.util.TreeMap<>();
        for (JsonNode op : seed.path("operations")) {
            if (!op.path("order").isNull()) {
                byKey.computeIfAbsent(op.path("key").asText(), key -> new ArrayList<>())
                        .add(op);
            }
        }
        assertThat(byKey).isNotEmpty();
        for (List<JsonNode> ops : byKey.values()) {
            ops.sort(java.util.Comparator.comparingInt(op -> op.path("order").asInt()));
            for (int i = 0; i < ops.size(); i++) {
                JsonNode op = ops.get(i);
                assertThat(op.path("order").asInt()).isEqualTo(i + 1);
                if (i > 0) {
                    // The states chain: each operation starts where the one before it left the register.
                    assertThat(op.path("stateBefore").asText())
                            .isEqualTo(ops.get(i - 1).path("stateAfter").asText());
                }
                if (op.path("f").asText().equals("write")
                        && op.path("type").asText().equals("ok")) {
                    assertThat(op.path("stateAfter").asText())
                            .contains(op.path("value").asText());
                }
            }
        }
        // The offending read is in no order: k0 is linearizable up to op 58 of 97 and no further.
        JsonNode op59 = null;
        for (JsonNode op : seed.path("operations")) {
            if (op.path("name").asText().equals("op 59")) {
                op59 = op;
            }
        }
        assertThat(op59).isNotNull();
        assertThat(op59.path("order").isNull()).isTrue();
        assertThat(byKey.get("k0")).hasSize(32);
    }

    @Test
    void aForkIsTheSeedUpToItsStepThenItsOwnRunJudgedByItsFindings() {
        LabClient.Answer original = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3");
        LabClient.Answer answer = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:drop:406");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode fork = answer.json();
        assertThat(fork.path("forks").get(0).path("step").asInt()).isEqualTo(1027);
        assertThat(fork.path("forks").get(0).path("change").asText()).isEqualTo("drop message #406");
        assertThat(fork.path("replayCommand").asText())
                .isEqualTo("./sdlab run quorum --seed 5 --variant n3r1w3 --trace --fork 1027:drop:406");
        assertThat(fork.path("verdict").path("claims")).isEmpty();
        assertThat(fork.path("verdict").path("assertionsHold").isNull()).isTrue();
        List<String> before = shownEvents(original.json());
        List<String> after = shownEvents(fork);
        assertThat(after.subList(0, 1027)).isEqualTo(before.subList(0, 1027));
        assertThat(after.get(1027)).isEqualTo("fork after step 1027: drop message #406");
        assertThat(after.get(1028)).startsWith("dropped by a fork: Read[");
        // The same as the command line's fork of the same seed: the lab's own run, not the page's.
        SeedRun lab =
                Sweep.fork(QUORUM, ParamValues.defaults(QUORUM.params()), 5, "n3r1w3", ForkText.parse("1027:drop:406"));
        assertThat(after).isEqualTo(lab.trace().stream().map(TraceEvent::detail).toList());
    }

    @ParameterizedTest
    @MethodSource("badSeeds")
    void aBadSeedRequestIsRefusedWithWhatIsAllowed(String path, int status, String message) {
        LabClient.Answer answer = client.get(path);

        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.error()).contains(message);
    }

    @Test
    void aKeptRunsSeedTakesNoParametersOfItsOwn() {
        String id = client.start("{\"experiment\": \"quorum\", \"seeds\": 1}");
        client.events(id);

        LabClient.Answer answer = client.get("/api/runs/" + id + "/seeds/1?variant=n3r1w1&nodes=9");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("a kept run's seed takes only ?variant=NAME");
    }

    private static SeedRun replay(ParamValues values, long seed, String variant) {
        return Sweep.replay(QUORUM, values, seed, Optional.of(variant))
                .runsByVariant()
                .get(variant);
    }

    private static List<String> shownEvents(JsonNode seed) {
        int detail = TraceJson.EVENT_FIELDS.indexOf("detail");
        List<String> details = new ArrayList<>();
        seed.path("events").forEach(event -> details.add(event.get(detail).asText()));
        return details;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode claim(JsonNode seed, String name) {
        for (JsonNode claim : seed.path("verdict").path("claims")) {
            if (claim.path("name").asText().equals(name)) {
                return claim;
            }
        }
        throw new AssertionError("no claim " + name + " in " + seed.path("verdict"));
    }

    private static JsonNode findOperation(JsonNode seed, String name) {
        for (JsonNode op : seed.path("operations")) {
            if (op.path("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name);
    }
}
