package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.TraceEvent;
import sdlab.web.WebLab;
import sdlab.web.WebLabSettings;

/**
 * The chapters that took forks last (2, 4, 5, 7, 9, 11, 13, 17 and 20) take them the two ways a user gives them: from
 * the command line ({@code sdlab run CHAPTER --seed 1 --variant V --trace --fork STEP:drop:MSG}) and from the web
 * lab's seed route ({@code &fork=STEP:drop:MSG}), dropping a message in flight halfway through seed 1.
 */
class ForkEveryWayTest {
    @TempDir
    static Path runsDir;

    private static WebLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = WebLab.start(WebLabSettings.of(ExperimentCatalog.load().all(), 0, runsDir));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ratelimit-placement",
                "canary",
                "locks",
                "tls-reuse",
                "lb-features",
                "redis-vs-memcached",
                "cache-warmup",
                "ratelimit-responses",
                "caching-layers"
            })
    void aDropFromTheCommandLineAndFromThePageIsTheSameFork(String id) throws Exception {
        Experiment experiment = ExperimentCatalog.load().find(id).orElseThrow();
        ParamValues values = ParamValues.defaults(experiment.params());
        String variant = experiment.variants(values).getFirst().name();
        List<TraceEvent> trace = Sweep.replay(experiment, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant)
                .trace();
        int step = ForkContractTest.inFlightStep(trace);
        String fork = (step + 1) + ":drop:" + ForkContractTest.messageInFlightAt(trace, step);
        String note =
                "fork after step " + (step + 1) + ": drop message #" + ForkContractTest.messageInFlightAt(trace, step);

        CommandLineRun cli =
                CommandLineRun.of("run", id, "--seed", "1", "--variant", variant, "--trace", "--fork", fork);
        JsonNode page = get("api/chapters/" + id + "/seeds/1?variant=" + variant + "&fork=" + fork);

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains(note);
        assertThat(page.path("forks").get(0).path("change").asText())
                .as(page.toString())
                .isEqualTo(note.substring(note.indexOf(": ") + 2));
        assertThat(page.path("replayCommand").asText()).endsWith("--trace --fork " + fork);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(lab.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.body());
    }
}
