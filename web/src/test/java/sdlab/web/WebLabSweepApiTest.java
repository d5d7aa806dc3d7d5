package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.VariantResult;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;

/** A metric against a parameter: one point per value, seed and variant, each the lab's own one-seed figure. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WebLabSweepApiTest {
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
    void everyPointIsThatSeedsFigureAtThatValueAsTheLabReportsIt() {
        LabClient.Answer answer = client.postJson(
                "/api/sweeps",
                "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0, \"0.2\"], \"seeds\": 2,"
                        + " \"firstSeed\": 4, \"params\": {\"ops-per-client\": 10}}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode sweep = answer.json();
        assertThat(sweep.path("values").toString()).isEqualTo("[\"0\",\"0.2\"]");
        int variants = sweep.path("variants").size();
        assertThat(variants).isEqualTo(9);
        assertThat(sweep.path("points")).hasSize(2 * 2 * variants);
        JsonNode last = sweep.path("points").get(2 * 2 * variants - 1);
        assertThat(last.path("value").asText()).isEqualTo("0.2");
        assertThat(last.path("seed").asLong()).isEqualTo(5);

        ParamValues values = ParamValues.defaults(QUORUM.params())
                .with(param("ops-per-client"), "10")
                .with(param("loss"), "0.2");
        ExperimentReport oneSeed =
                Sweep.run(QUORUM, values, SweepSettings.of(5, 1).withThreads(1), SweepProgress.none());
        VariantResult reported = oneSeed.variants().stream()
                .filter(v -> v.name().equals(last.path("variant").asText()))
                .findFirst()
                .orElseThrow();
        reported.metrics().forEach((name, value) -> {
            if (Double.isNaN(value.doubleValue())) {
                assertThat(last.path("metrics").path(name).isNull()).as(name).isTrue();
            } else {
                assertThat(last.path("metrics").path(name).asDouble()).as(name).isEqualTo(value.doubleValue());
            }
        });
    }

    private static Param<?> param(String name) {
        return QUORUM.params().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static Stream<Arguments> badSweeps() {
        return Stream.of(
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"colour\", \"values\": [1, 2]}",
                        "param must name one of quorum's parameters"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0.1]}",
                        "values must be a list of 2 to 10 values"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0.1, 0.1]}",
                        "the value 0.1 is given twice"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0.1, 2]}", "--loss must be"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0, 0.1, 0.2, 0.3, 0.4,"
                                + " 0.5], \"seeds\": 100}",
                        "values times seeds must be at most 500"),
                Arguments.of(
                        "{\"experiment\": \"quorum\", \"param\": \"loss\", \"values\": [0, 0.1], \"colour\": 1}",
                        "unknown field 'colour'"));
    }

    @ParameterizedTest
    @MethodSource("badSweeps")
    void aBadSweepIsRefusedWithWhatIsAllowed(String body, String message) {
        LabClient.Answer answer = client.postJson("/api/sweeps", body);

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.error()).contains(message);
    }
}
