package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sdlab.chapters.quorum.QuorumExperiment;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.Question;
import sdlab.lab.report.JsonReport;
import sdlab.lab.sweep.Sweep;

/**
 * The API's happy path over real HTTP, against chapter 10 (quorum) as {@code sdlab serve} serves it: the chapters,
 * one chapter in full, a run followed to its end by server-sent events, its report, the runs list (also after a
 * restart) and a cancel. Runs use a handful of seeds so that the class takes seconds.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebLabApiTest {
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
    void theChaptersListGivesEachExperimentWithItsQuestion() {
        LabClient.Answer answer = client.get("/api/chapters");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode quorum = answer.json().get(0);
        assertThat(quorum.path("id").asText()).isEqualTo("quorum");
        assertThat(quorum.path("chapter").asInt()).isEqualTo(10);
        assertThat(quorum.path("title").asText()).isEqualTo(QUORUM.identity().title());
        assertThat(quorum.path("summary").asText()).isEqualTo(QUORUM.identity().summary());
        assertThat(quorum.path("question").asText()).isEqualTo(defaultQuestion().text());
    }

    @Test
    void aChapterGivesItsParametersExactlyAsTheExperimentDefinesThem() {
        JsonNode chapter = client.get("/api/chapters/quorum").json();

        ParamValues defaults = ParamValues.defaults(QUORUM.params());
        List<String> rows = new ArrayList<>();
        chapter.path("params")
                .forEach(p -> rows.add(String.join(
                        "|",
                        p.path("name").asText(),
                        p.path("default").asText(),
                        p.path("range").asText(),
                        p.path("help").asText())));
        assertThat(rows)
                .containsExactlyElementsOf(QUORUM.params().stream()
                        .map(p -> String.join("|", p.name(), defaults.text(p), p.rangeText(), p.description()))
                        .toList());
        assertThat(chapter.path("explanation").size()).isGreaterThan(1);
        assertThat(chapter.path("variants").size())
                .isEqualTo(QUORUM.variants(defaults).size());
        assertThat(texts(chapter.path("question").path("options"), "label"))
                .containsExactlyElementsOf(defaultQuestion().options().stream()
                        .map(Question.Option::label)
                        .toList());
        assertThat(texts(chapter.path("metrics"), "name"))
                .containsExactlyElementsOf(
                        QUORUM.metrics().stream().map(m -> m.name()).toList());
    }

    @Test
    void aRunStreamsItsProgressToTheEndAndKeepsTheReportTheCommandLineWouldPrint() throws IOException {
        String id = client.start("{\"experiment\": \"quorum\", \"params\": {\"loss\": 0.05}, \"seeds\": 3}");

        List<LabClient.Event> events = client.events(id);

        assertThat(events).isNotEmpty();
        assertThat(events.getLast().name()).isEqualTo("end");
        assertThat(events.getLast().data().path("state").asText()).isEqualTo("done");
        assertThat(events.stream().filter(e -> e.name().equals("progress")))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.data().path("seedsTotal").asInt()).isEqualTo(3));
        assertThat(events.get(events.size() - 2).data().path("seedsDone").asInt())
                .isEqualTo(3);
        ParamValues values = ParamValues.defaults(QUORUM.params()).with(param("loss"), "0.05");
        assertThat(client.get("/api/runs/" + id).text()).isEqualTo(JsonReport.render(Sweep.quietly(QUORUM, values, 3)));
        JsonNode listed = find(client.get("/api/runs").json(), id);
        assertThat(listed.path("state").asText()).isEqualTo("done");
        assertThat(listed.path("params").path("loss").asText()).isEqualTo("0.05");
        assertThat(listed.path("verdict").path("supported").isArray()).isTrue();

        try (WebLab restarted = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, runsDir))) {
            LabClient afterRestart = new LabClient(restarted.url());
            assertThat(find(afterRestart.get("/api/runs").json(), id)
                            .path("state")
                            .asText())
                    .isEqualTo("done");
            assertThat(afterRestart.get("/api/runs/" + id).text())
                    .isEqualTo(client.get("/api/runs/" + id).text());
            assertThat(afterRestart.events(id).getLast().data().path("state").asText())
                    .isEqualTo("done");
        } catch (PortInUseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCancelledRunEndsAsCancelledAndHasNoReport() {
        String id = client.start("{\"experiment\": \"quorum\", \"seeds\": 10000}");

        LabClient.Answer cancel = client.delete("/api/runs/" + id);
        List<LabClient.Event> events = client.events(id);

        assertThat(cancel.status()).isEqualTo(202);
        assertThat(events.getLast().data().path("state").asText()).isEqualTo("cancelled");
        assertThat(events.getLast().data().path("seedsDone").asInt()).isLessThan(10_000);
        LabClient.Answer report = client.get("/api/runs/" + id);
        assertThat(report.status()).isEqualTo(409);
        assertThat(report.error()).contains("cancelled").contains("has no report");
        assertThat(find(client.get("/api/runs").json(), id).path("state").asText())
                .isEqualTo("cancelled");
        LabClient.Answer again = client.delete("/api/runs/" + id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).contains("already ended");
    }

    @Test
    void aTakenPortIsReportedAsSuch() {
        assertThatThrownBy(() -> WebLab.start(WebLabSettings.of(List.of(QUORUM), lab.port(), runsDir)))
                .isInstanceOf(PortInUseException.class)
                .hasMessage("port " + lab.port() + " on 127.0.0.1 is in use; choose another with --port, or --port 0 "
                        + "for any free port");
    }

    @Test
    void thePageAndItsScriptsAreServedFromTheJar() {
        LabClient.Answer page = client.get("/");
        LabClient.Answer script = client.get("/js/app.js");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<main id=\"view\"");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
    }

    private static Question defaultQuestion() {
        ParamValues defaults = ParamValues.defaults(QUORUM.params());
        return QUORUM.question(defaults, QUORUM.variants(defaults)).orElseThrow();
    }

    private static Param<?> param(String name) {
        return QUORUM.params().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    private static JsonNode find(JsonNode runs, String id) {
        for (JsonNode run : runs) {
            if (run.path("id").asText().equals(id)) {
                return run;
            }
        }
        throw new AssertionError("run " + id + " is not listed in " + runs);
    }
}
