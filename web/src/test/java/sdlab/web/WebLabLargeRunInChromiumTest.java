package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sdlab.chapters.quorum.QuorumExperiment;

/**
 * A 10,000-operation seed (chapter 10 with 50 clients of 200 operations: about 178,000 trace events) stays
 * responsive: the whole trace and history arrive, every operation is drawn, and stepping and paging work. The
 * figures (time to first paint of the diagram, time per step, time per window) are measured and printed, and written
 * to {@code target/web-lab-timings.txt} for the README; they are not asserted, because the machine is shared and its
 * load is not the page's doing.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WebLabLargeRunInChromiumTest {
    private static final String SEED = "#/chapter/quorum/seed/1?variant=n3r2w2&clients=50&ops-per-client=200";
    // The replay judges every variant of the seed first, which checks 10,000 operations nine times: half a minute.
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(400);
    private static final int STEPS = 200;
    private static final int FRAMED_STEPS = 30;
    private static final int WINDOWS = 10;

    @TempDir
    Path dir;

    @Test
    void aTenThousandOperationSeedIsDrawnWholeAndStepsWithoutWaiting() throws Exception {
        Optional<Path> chromium = DevToolsBrowser.find();
        assumeTrue(chromium.isPresent(), "Chromium is not installed: the web lab's browser tests are skipped");
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(new QuorumExperiment()), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium.get(), dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            browser.navigate(lab.url() + SEED);
            browser.waitFor("window.sdlabTimings", SEED_TIMEOUT);
            JsonNode load = browser.evaluate("window.sdlabTimings");

            assertThat(load.path("operations").asInt()).isEqualTo(10_000);
            assertThat(browser.evaluate("document.querySelectorAll('#history rect.op').length")
                            .asInt())
                    .isEqualTo(10_000);
            JsonNode stepping = browser.evaluate(stepping());
            assertThat(browser.evaluate("document.getElementById('step-text').dataset.step")
                            .asInt())
                    .isGreaterThan(STEPS);
            // Opened again (the back button, a reload): the server kept the answer, so only the page's work is left.
            browser.evaluate("window.sdlabTimings = null; location.hash = '#/runs'");
            // The runs page itself, not the seed's page still shown while the runs are fetched: going back before it
            // showed once let the late runs page replace the seed's (the views now check they are still wanted).
            browser.waitFor(
                    "document.querySelector('h1') && document.querySelector('h1').textContent === 'Runs'",
                    SEED_TIMEOUT);
            browser.evaluate("location.hash = " + JsonText.MAPPER.valueToTree(SEED));
            browser.waitFor("window.sdlabTimings", SEED_TIMEOUT);
            JsonNode again = browser.evaluate("window.sdlabTimings");
            assertThat(browser.errors()).isEmpty();

            String figures = "%d events, %d operations: replay, transfer and parse %.0f ms; first paint of the diagram"
                            .formatted(
                                    load.path("events").asInt(),
                                    load.path("operations").asInt(),
                                    load.path("fetchMs").asDouble())
                    + " %.0f ms after the data arrived (%.0f ms in all); a step %.2f ms of script (%.1f ms with its frame);"
                            .formatted(
                                    load.path("firstPaintMs").asDouble()
                                            - load.path("fetchMs").asDouble(),
                                    load.path("firstPaintMs").asDouble(),
                                    stepping.path("stepMs").asDouble(),
                                    stepping.path("framedStepMs").asDouble())
                    + " a new window of 250 events %.1f ms; opened again %.0f ms in all%n"
                            .formatted(
                                    stepping.path("windowMs").asDouble(),
                                    again.path("firstPaintMs").asDouble());
            System.out.print("web lab timings: " + figures);
            Files.writeString(Path.of("target", "web-lab-timings.txt"), figures, StandardCharsets.UTF_8);
        }
    }

    /** Steps with the arrow key as fast as script can, then once per frame, then pages: the average of each, in ms. */
    private static String stepping() {
        return "(async () => {"
                + " const key = (name) => document.dispatchEvent(new KeyboardEvent('keydown', {key: name}));"
                + " const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));"
                + " let start = performance.now();"
                + " for (let i = 0; i < " + STEPS + "; i++) key('ArrowRight');"
                + " const stepMs = (performance.now() - start) / " + STEPS + ";"
                + " await frame(); start = performance.now();"
                + " for (let i = 0; i < " + FRAMED_STEPS + "; i++) { key('ArrowRight'); await frame(); }"
                + " const framedStepMs = (performance.now() - start) / " + FRAMED_STEPS + ";"
                + " start = performance.now();"
                + " for (let i = 0; i < " + WINDOWS + "; i++) { key('PageDown'); await frame(); }"
                + " const windowMs = (performance.now() - start) / " + WINDOWS + ";"
                + " return {stepMs, framedStepMs, windowMs}; })()";
    }
}
