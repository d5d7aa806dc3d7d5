package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.web.SeedAnswers.deliveryToANodeAfter;
import static sdlab.web.SeedAnswers.differingClaims;
import static sdlab.web.SeedAnswers.flaggedCount;
import static sdlab.web.SeedAnswers.sharedEvents;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What if, in a real headless Chromium: rerun a seed with one change and see where the runs part; fork it by dropping
 * a message and see the fork's verdict; look at every node's state at a step; chart a metric against a parameter. What
 * the page shows is checked against the API's answers, computed apart from the page. Any console error fails a test.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WebLabWhatIfInChromiumTest {
    // A replay judges every variant of the seed first; on a busy 2-core machine that takes seconds.
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int ARROW_RIGHT = 39;

    @TempDir
    Path dir;

    @Test
    void aSeedRerunWithOneChangeShowsWhereTheRunsPartAndHowTheirVerdictsDiffer() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            LabClient client = page.client;
            JsonNode original =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            JsonNode rerun =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r2w2").json();
            int shared = sharedEvents(original, rerun);
            assertThat(shared)
                    .as("the variants differ in what they send")
                    .isLessThan(original.path("events").size());

            // A link with the change compares at once.
            page.navigate("#/chapter/quorum/seed/5?variant=n3r1w3&vs=variant=n3r2w2");
            browser.waitFor("document.getElementById('compare-summary')", SEED_TIMEOUT);
            assertThat(browser.evaluate("document.getElementById('compare-summary').textContent")
                            .asText())
                    .contains("share their first " + shared + " events")
                    .contains("first shows at step " + (shared + 1));
            assertThat(browser.evaluate("document.getElementById('compare-flagged').textContent")
                            .asText())
                    .isEqualTo("Flagged operations: " + flaggedCount(original) + " in this run, " + flaggedCount(rerun)
                            + " in the rerun.");
            assertThat(flaggedCount(original)).isNotEqualTo(flaggedCount(rerun));
            browser.click("#compare-go");
            browser.waitFor("document.getElementById('step-text').dataset.step === '" + shared + "'", PAGE_TIMEOUT);
            browser.evaluate("document.getElementById('compare').scrollIntoView()");
            new Screenshots(dir).save(browser, "seed-compared");

            // One parameter changed from the form: more loss, same seed.
            browser.evaluate("(() => { const c = document.getElementById('compare-what'); c.value = 'loss';"
                    + " c.dispatchEvent(new Event('change')); })()");
            browser.evaluate("document.getElementById('compare-value').value = '0.2'");
            browser.evaluate("document.getElementById('compare-summary').remove()");
            browser.click("#compare-run");
            browser.waitFor("document.getElementById('compare-summary')", SEED_TIMEOUT);
            JsonNode lossier = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3&loss=0.2")
                    .json();
            assertThat(browser.evaluate("document.getElementById('compare-summary').textContent")
                            .asText())
                    .contains("share their first " + sharedEvents(original, lossier) + " events")
                    .contains("loss = 0.2");
            assertThat(browser.evaluate("document.querySelectorAll('#compare-claims tr.differs').length")
                            .asInt())
                    .isEqualTo(differingClaims(original, lossier));
            browser.waitFor("location.hash.includes('vs=loss%3D0.2')", PAGE_TIMEOUT);
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void aLearnerForksASeedByDroppingAMessageAndSeesTheForksVerdict() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            LabClient client = page.client;
            JsonNode original =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            JsonNode forked = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:drop:406")
                    .json();

            // Step 1027 is c4 sending op 59's Read #406 to n6; it is in flight there, and the learner drops it.
            page.navigate("#/chapter/quorum/seed/5?variant=n3r1w3&step=1026");
            browser.waitFor("document.getElementById('step-text')", SEED_TIMEOUT);
            browser.click("#fork summary");
            browser.waitFor("document.querySelector(\"#fork-message option[value='406']\")", PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.getElementById('fork-step').textContent")
                            .asText())
                    .isEqualTo("step 1027");
            browser.evaluate("document.getElementById('fork-message').value = '406'");
            browser.click("#fork-drop");

            browser.waitFor(
                    "document.getElementById('fork-comparison') && "
                            + "document.querySelector('#fork-comparison #compare-summary')",
                    SEED_TIMEOUT);
            assertThat(browser.evaluate("location.hash").asText()).contains("fork=1027%3Adrop%3A406");
            assertThat(browser.evaluate("document.getElementById('fork-banner').textContent")
                            .asText())
                    .contains("after step 1027: drop message #406");
            assertThat(browser.evaluate("document.querySelector('#fork-comparison #compare-summary').textContent")
                            .asText())
                    .contains("share their first " + sharedEvents(forked, original) + " events");
            assertThat(browser.evaluate("document.querySelector('#fork-comparison #compare-flagged').textContent")
                            .asText())
                    .isEqualTo("Flagged operations: " + flaggedCount(forked) + " in this run, " + flaggedCount(original)
                            + " in the seed as it ran.");
            assertThat(browser.evaluate("document.querySelector('.seed-verdict').textContent")
                            .asText())
                    .contains("Verdict on this fork");
            browser.evaluate("document.getElementById('fork-banner').scrollIntoView()");
            new Screenshots(dir).save(browser, "seed-forked");
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void theStateInspectorShowsEachNodesStateAndMarksWhatTheStepChanged() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            LabClient client = page.client;
            JsonNode seed =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            int step = deliveryToANodeAfter(seed, 1000);
            String receiver = seed.path("nodes")
                    .get(seed.path("events").get(step).get(2).asInt())
                    .asText();

            page.navigate("#/chapter/quorum/seed/5?variant=n3r1w3&step=" + step);
            browser.waitFor("document.getElementById('step-text')", SEED_TIMEOUT);
            browser.click("#inspector summary");
            browser.waitFor("document.getElementById('inspector-step')", SEED_TIMEOUT);

            assertThat(browser.evaluate("document.getElementById('inspector-step').textContent")
                            .asText())
                    .startsWith("After step " + (step + 1) + ",");
            assertThat(browser.evaluate("[...document.querySelectorAll('.node-state')].map(n => n.dataset.node).join()")
                            .asText())
                    .isEqualTo("n1,n2,n3,n4,n5,n6,n7");
            assertThat(browser.evaluate("[...document.querySelectorAll('.node-state.changed')].map(n => n.dataset.node)"
                                    + ".join()")
                            .asText())
                    .isEqualTo(receiver);
            assertThat(browser.evaluate("document.querySelectorAll('.node-state.changed li.changed').length")
                            .asInt())
                    .isPositive();
            browser.evaluate("document.querySelector('.node-state.changed').scrollIntoView()");
            new Screenshots(dir).save(browser, "seed-inspected");

            // It follows the step.
            browser.press("ArrowRight", ARROW_RIGHT);
            browser.waitFor(
                    "document.getElementById('inspector-step') && document.getElementById('inspector-step')"
                            + ".textContent.startsWith('After step " + (step + 2) + ",')",
                    SEED_TIMEOUT);
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void aMetricAgainstAParameterDrawsOneDotPerSeedAndVariant() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            page.navigate("#/chapter/quorum?ops-per-client=10");
            browser.waitFor("document.getElementById('sweep-param')", PAGE_TIMEOUT);
            browser.evaluate("(() => { const p = document.getElementById('sweep-param'); p.value = 'loss';"
                    + " p.dispatchEvent(new Event('change')); })()");
            browser.evaluate("document.getElementById('sweep-values').value = '0, 0.1, 0.3'");
            browser.evaluate("document.getElementById('sweep-seeds').value = '3'");
            browser.evaluate("document.getElementById('sweep-metric').value = 'staleReads'");
            browser.click("#sweep-run");
            browser.waitFor("document.getElementById('sweep-summary')", SEED_TIMEOUT);

            assertThat(browser.evaluate("document.querySelectorAll('#sweep-result circle.dot').length")
                            .asInt())
                    .isEqualTo(3 * 3 * 9);
            assertThat(browser.evaluate("document.getElementById('sweep-summary').textContent")
                            .asText())
                    .isEqualTo("loss at 0, 0.1, 0.3: 9 variants over seeds 1 to 3 at each, 81 runs.");
            assertThat(browser.evaluate("document.querySelector('#sweep-result svg').getAttribute('aria-label')")
                            .asText())
                    .isEqualTo("staleReads against loss, one dot per seed");
            browser.evaluate("(() => { const m = document.getElementById('sweep-metric'); m.value = 'latencyMsP99';"
                    + " m.dispatchEvent(new Event('change')); })()");
            assertThat(browser.evaluate("document.querySelector('#sweep-result svg').getAttribute('aria-label')")
                            .asText())
                    .startsWith("latencyMsP99 against loss");
            browser.evaluate("document.querySelector('.sweep-form').scrollIntoView()");
            new Screenshots(dir).save(browser, "chapter-sweep");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
