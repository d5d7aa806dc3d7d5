package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sdlab.chapters.quorum.QuorumExperiment;
import sdlab.lab.Experiment;

/**
 * The web lab in a real headless Chromium, as a learner uses it: open the lab, open chapter 10, answer the quiz,
 * prove it over 20 seeds, and see every option's verdict, whether the answer was right, and the charts; then the run
 * in the runs list. What the page shows is checked against the run's own report, never against a remembered outcome.
 * Any console error, uncaught exception or failed load fails the test. Skipped, saying so, where Chromium is missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class WebLabInChromiumTest {
    private static final Experiment QUORUM = new QuorumExperiment();
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    // A sweep on a busy 2-core machine; 20 seeds take a second or two when it is idle.
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = DevToolsBrowser.find();
        assumeTrue(
                found.isPresent(),
                "Chromium is not installed (apt-get install chromium): the web lab's browser tests are skipped");
        chromium = found.get();
    }

    @Test
    void aLearnerAnswersChapterTensQuizProvesItAndSeesTheVerdicts() throws Exception {
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.navigate(lab.url().toString());
            browser.waitFor("document.querySelector('.chapter[data-id=quorum] a')", PAGE_TIMEOUT);
            browser.click(".chapter[data-id=quorum] a");
            browser.waitFor("document.getElementById('prove')", PAGE_TIMEOUT);

            assertThat(browser.evaluate("document.querySelectorAll('[data-param]').length")
                            .asInt())
                    .isEqualTo(QUORUM.params().size());
            assertThat(browser.evaluate("document.querySelectorAll('.explanation p').length")
                            .asInt())
                    .isGreaterThan(1);
            int answer = optionIndex(browser, "read-your-writes");
            browser.click("input[name=answer][value='" + answer + "']");
            setSeeds(browser, 20);
            assertThat(browser.evaluate("location.hash").asText())
                    .startsWith("#/chapter/quorum?")
                    .contains("seeds=20")
                    .contains("answer=" + answer);
            browser.click("#prove");
            browser.waitFor("document.querySelectorAll('.option').length > 0", RUN_TIMEOUT);

            String hash = browser.evaluate("location.hash").asText();
            assertThat(hash).startsWith("#/run/").endsWith("?answer=" + answer);
            String runId = hash.substring("#/run/".length(), hash.indexOf('?'));
            JsonNode report = new LabClient(lab.url()).get("/api/runs/" + runId).json();
            assertThat(report.path("seeds").asInt()).isEqualTo(20);
            assertThat(shownVerdicts(browser)).containsExactlyElementsOf(expectedVerdicts(report));
            boolean right = report.path("question")
                    .path("options")
                    .get(answer)
                    .path("supported")
                    .asBoolean();
            assertThat(browser.evaluate("document.querySelector('.answer').className")
                            .asText())
                    .contains(right ? "answer-right" : "answer-wrong");
            assertThat(browser.evaluate("document.querySelectorAll('figure.chart svg').length")
                            .asInt())
                    .isEqualTo(report.path("metrics").size());
            assertThat(browser.evaluate("document.querySelector('figure[data-metric=latencyMsP99]').textContent")
                            .asText())
                    .startsWith("latencyMsP99")
                    .contains("ms")
                    .contains("variant");
            assertThat(browser.evaluate("document.querySelector('figure[data-metric=availability] .axis-title')"
                                    + ".textContent")
                            .asText())
                    .isEqualTo("fraction (0 to 1)");
            assertIntervalsAndDifferences(browser, report);
            for (JsonNode claim : report.path("claims")) {
                if (claim.hasNonNull("replayCommand")
                        && isDecidingClaim(report, claim.path("name").asText())) {
                    assertThat(browser.evaluate("document.querySelector('.options').textContent")
                                    .asText())
                            .contains(claim.path("replayCommand").asText());
                }
            }

            // Opened without an answer (as from the runs list), the run judges none and shows no stray text.
            browser.evaluate("location.hash = '#/run/" + runId + "'");
            browser.waitFor(
                    "!document.querySelector('.answer') && document.querySelectorAll('.option').length > 0",
                    PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.getElementById('view').innerText")
                            .asText())
                    .doesNotContain("null")
                    .doesNotContain("undefined");

            browser.evaluate("location.hash = '#/runs'");
            browser.waitFor("document.querySelector('tr[data-id=\"" + runId + "\"]')", PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.querySelector('tr[data-id=\"" + runId + "\"]').className")
                            .asText())
                    .isEqualTo(report.path("assertionsHold").asBoolean() ? "state-held" : "state-broke");
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void aLinkReproducesTheFormAndARunInProgressCanBeCancelled() throws Exception {
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.navigate(lab.url() + "#/chapter/quorum?seeds=10000&nodes=9&faults=crashes&answer=1");
            browser.waitFor("document.getElementById('prove')", PAGE_TIMEOUT);

            assertThat(browser.evaluate("document.getElementById('seeds').value")
                            .asText())
                    .isEqualTo("10000");
            assertThat(browser.evaluate("document.getElementById('param-nodes').value")
                            .asText())
                    .isEqualTo("9");
            assertThat(browser.evaluate("document.getElementById('param-faults').value")
                            .asText())
                    .isEqualTo("crashes");
            assertThat(browser.evaluate("document.querySelector('input[name=answer]:checked').value")
                            .asText())
                    .isEqualTo("1");
            browser.click("#prove");
            browser.waitFor("!document.getElementById('cancel').hidden", PAGE_TIMEOUT);
            browser.click("#cancel");
            browser.waitFor("document.querySelector('.status').textContent.includes('cancelled')", RUN_TIMEOUT);

            assertThat(browser.evaluate("document.querySelector('.status').textContent")
                            .asText())
                    .matches("Run cancelled after \\d+ of 10000 seeds\\.");
            assertThat(browser.errors()).isEmpty();
        }
    }

    private static int optionIndex(DevToolsBrowser browser, String label) {
        JsonNode labels =
                browser.evaluate("[...document.querySelectorAll('.quiz label')].map(l => l.textContent.trim())");
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).asText().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("the quiz has no option '" + label + "': " + labels);
    }

    private static void setSeeds(DevToolsBrowser browser, int seeds) {
        browser.evaluate("(() => { const s = document.getElementById('seeds'); s.value = '" + seeds
                + "'; s.dispatchEvent(new Event('input', {bubbles: true})); })()");
    }

    private static List<String> shownVerdicts(DevToolsBrowser browser) {
        JsonNode shown = browser.evaluate("[...document.querySelectorAll('.option')].map(o => "
                + "o.querySelector('strong').textContent + ': ' + o.querySelector('.verdict').textContent)");
        List<String> verdicts = new ArrayList<>();
        shown.forEach(v -> verdicts.add(v.asText()));
        return verdicts;
    }

    private static List<String> expectedVerdicts(JsonNode report) {
        List<String> verdicts = new ArrayList<>();
        for (JsonNode option : report.path("question").path("options")) {
            String verdict = !option.path("decided").asBoolean()
                    ? "undecided"
                    : option.path("supported").asBoolean() ? "supported" : "refuted";
            verdicts.add(option.path("label").asText() + ": " + verdict);
        }
        return verdicts;
    }

    private static boolean isDecidingClaim(JsonNode report, String claim) {
        for (JsonNode option : report.path("question").path("options")) {
            for (JsonNode name : option.path("claims")) {
                if (name.asText().equals(claim)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Each bar with a standard error carries a whisker, and the table of differences marks as different exactly the
     * cells whose 95% interval, computed here from the report's JSON (the paired error of the difference), excludes 0;
     * picking another reference redraws it.
     */
    private static void assertIntervalsAndDifferences(DevToolsBrowser browser, JsonNode report) {
        JsonNode variants = report.path("variants");
        int withError = 0;
        for (JsonNode variant : variants) {
            withError += variant.path("standardErrors").path("availability").isNumber() ? 1 : 0;
        }
        assertThat(withError).isEqualTo(variants.size());
        assertThat(browser.evaluate("document.querySelectorAll('figure[data-metric=availability] .ci').length")
                        .asInt())
                .isEqualTo(withError);
        assertThat(browser.evaluate("document.querySelectorAll('figure[data-metric=latencyMsP99] .ci').length")
                        .asInt())
                .as("a percentile has no interval")
                .isZero();

        JsonNode reference = variants.get(0);
        for (String metric : List.of("availability", "staleReads", "messagesPerOp")) {
            for (int i = 1; i < variants.size(); i++) {
                JsonNode variant = variants.get(i);
                double delta = variant.path("metrics").path(metric).asDouble()
                        - reference.path("metrics").path(metric).asDouble();
                JsonNode paired = variant.path("differenceErrors")
                        .path(metric)
                        .path(reference.path("name").asText());
                assertThat(paired.isNumber())
                        .as("%s has a paired error", metric)
                        .isTrue();
                boolean differs = Math.abs(delta) > 1.96 * paired.asDouble();
                String cell =
                        "document.querySelector('.differences tr[data-metric=" + metric + "]').children[" + i + "]";
                assertThat(browser.evaluate(cell + ".className").asText())
                        .as("%s of %s against %s", metric, variant.path("name").asText(), reference.path("name"))
                        .isEqualTo(differs ? "differs" : "within");
                assertThat(browser.evaluate(cell + ".dataset.paired").asText()).isEqualTo("true");
            }
        }
        String last = variants.get(variants.size() - 1).path("name").asText();
        browser.evaluate("(() => { const s = document.querySelector('.differences select.reference'); s.value = '"
                + last + "'; s.dispatchEvent(new Event('change')); return true; })()");
        assertThat(browser.evaluate("[...document.querySelectorAll('.differences thead th')].map(t => t.textContent)"
                                + ".join(',')")
                        .asText())
                .doesNotContain(last)
                .contains(reference.path("name").asText());
    }
}
