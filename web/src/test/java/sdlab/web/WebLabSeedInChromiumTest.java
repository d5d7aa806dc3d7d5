package sdlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.web.SeedAnswers.flaggedCount;
import static sdlab.web.SeedAnswers.operation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One seed stepped, and a history checked, in a real headless Chromium: open chapter 10's seed 5 of n3r1w3 (not
 * linearizable, as the README says), find the offending operation highlighted, follow it into the diagram, step with
 * the arrow keys and see the step advance in both views and in the URL; open a seed from a run's counterexample link;
 * upload a history and see its verdict and its offending operation. Any console error fails it. What the page shows
 * is checked against the API's answer for the same seed.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WebLabSeedInChromiumTest {
    // A replay judges every variant of the seed first; on a busy 2-core machine that takes seconds.
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int ARROW_RIGHT = 39;
    private static final int ARROW_LEFT = 37;
    private static final int PAGE_DOWN = 34;

    @TempDir
    Path dir;

    @Test
    void aLearnerStepsThroughANonLinearizableSeedFromItsOffendingOperation() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            JsonNode seed = page.client
                    .get("/api/chapters/quorum/seeds/5?variant=n3r1w3")
                    .json();
            JsonNode op59 = operation(seed, "op 59");
            // From the chapter's own form: no run needed.
            page.navigate("#/chapter/quorum");
            browser.waitFor("document.getElementById('open-seed')", PAGE_TIMEOUT);
            browser.evaluate("document.getElementById('seed').value = '5'");
            browser.evaluate("document.getElementById('variant').value = 'n3r1w3'");
            browser.click("#open-seed");
            browser.waitFor("document.getElementById('step-text')", SEED_TIMEOUT);
            assertThat(browser.evaluate("location.hash").asText()).startsWith("#/chapter/quorum/seed/5?variant=n3r1w3");

            assertThat(browser.evaluate("document.querySelectorAll('#history rect.op').length")
                            .asInt())
                    .isEqualTo(seed.path("operations").size());
            assertThat(browser.evaluate("document.querySelectorAll('#history rect.op.flagged').length")
                            .asInt())
                    .isEqualTo(flaggedCount(seed))
                    .isPositive();
            assertThat(browser.evaluate("document.querySelector('.seed-verdict').textContent")
                            .asText())
                    .contains("linearizableWhenQuorumsOverlap")
                    .contains("op 59");
            assertThat(browser.evaluate("document.getElementById('window-text').textContent")
                            .asText())
                    .contains("of " + seed.path("events").size());

            browser.click(".offending-op[data-op='" + op59.path("id").asInt() + "']");
            int invoke = op59.path("invokeEvent").asInt();
            browser.waitFor("document.getElementById('step-text').dataset.step === '" + invoke + "'", PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.querySelectorAll('#history rect.selected').length")
                            .asInt())
                    .isEqualTo(1);
            assertThat(browser.evaluate("document.querySelectorAll('#diagram .message.mine').length")
                            .asInt())
                    .isPositive();
            assertThat(browser.evaluate("document.getElementById('selection').textContent")
                            .asText())
                    .contains("op 59 of c4");

            // Why it failed: the server's chain of facts, each a link that steps to the event it rests on.
            assertThat(browser.evaluate("document.querySelectorAll('#why li').length")
                            .asInt())
                    .isEqualTo(op59.path("why").size())
                    .isGreaterThan(2);
            int newerRead = stepOf(op59, "Before it");
            browser.click("#why li[data-step='" + newerRead + "']");
            browser.waitFor("document.getElementById('step-text').dataset.step === '" + newerRead + "'", PAGE_TIMEOUT);
            // An operation of k0 that its linearization placed: its place and the register's states around it.
            JsonNode placed = null;
            for (JsonNode op : seed.path("operations")) {
                if (op.path("key").asText().equals("k0") && !op.path("order").isNull()) {
                    placed = op;
                }
            }
            assertThat(placed).as("a placed operation of k0").isNotNull();
            // A short operation's bar may be a pixel wide: the click is dispatched on it rather than aimed at it.
            browser.evaluate("document.querySelector(\"#history rect.op[data-op='"
                    + placed.path("id").asInt() + "']\").dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            browser.waitFor("document.getElementById('linearized')", PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.getElementById('linearized').textContent")
                            .asText())
                    .isEqualTo(" Linearized #" + placed.path("order").asInt() + " of key k0; the model's state "
                            + placed.path("stateBefore").asText() + " → "
                            + placed.path("stateAfter").asText() + ".");
            browser.click(".offending-op[data-op='" + op59.path("id").asInt() + "']");
            browser.waitFor("document.getElementById('step-text').dataset.step === '" + invoke + "'", PAGE_TIMEOUT);

            browser.press("ArrowRight", ARROW_RIGHT);
            browser.waitFor(
                    "document.getElementById('step-text').dataset.step === '" + (invoke + 1) + "'", PAGE_TIMEOUT);
            assertThat(browser.evaluate("Number(document.getElementById('step-slider').value)")
                            .asInt())
                    .isEqualTo(invoke + 1);
            assertThat(browser.evaluate("document.querySelectorAll('#diagram .mark.current').length")
                            .asInt())
                    .isEqualTo(1);
            browser.waitFor("location.hash.includes('step=" + (invoke + 1) + "')", PAGE_TIMEOUT);
            assertThat(browser.evaluate("location.hash").asText()).startsWith("#/chapter/quorum/seed/5?variant=n3r1w3");
            browser.evaluate("document.querySelector('.seed-controls').scrollIntoView()");
            new Screenshots(dir).save(browser, "seed-stepped");
            browser.press("ArrowLeft", ARROW_LEFT);
            browser.waitFor("document.getElementById('step-text').dataset.step === '" + invoke + "'", PAGE_TIMEOUT);

            // Clicking a message selects the operation it works for: the way back from the diagram.
            browser.click("#diagram .mark[data-op='" + op59.path("id").asInt() + "']");
            browser.waitFor(
                    "document.getElementById('selection').dataset.op === '"
                            + op59.path("id").asInt() + "'",
                    PAGE_TIMEOUT);

            int window = windowNumber(browser);
            browser.press("PageDown", PAGE_DOWN);
            browser.waitFor(
                    "document.getElementById('window-text').textContent.startsWith('Window " + (window + 1) + " ')",
                    PAGE_TIMEOUT);
            browser.evaluate("(() => { const s = document.getElementById('search'); s.value = 'ReadReply';"
                    + " s.dispatchEvent(new Event('input')); })()");
            assertThat(browser.evaluate("document.getElementById('match-text').textContent")
                            .asText())
                    .matches("\\d+ events match");
            assertThat(browser.evaluate("document.querySelectorAll('#diagram .mark.match').length")
                            .asInt())
                    .isPositive();

            // Hiding a node takes its lane and its events out of the diagram, and the window says so.
            browser.evaluate("(() => { const box = document.querySelector('input[data-lane=n1]'); box.checked = false;"
                    + " box.dispatchEvent(new Event('change')); })()");
            assertThat(browser.evaluate("document.getElementById('window-text').textContent")
                            .asText())
                    .contains("on the nodes shown, " + seed.path("events").size() + " in all");
            assertThat(browser.evaluate("[...document.querySelectorAll('#diagram text.lane')].map(t => t.textContent)")
                            .toString())
                    .doesNotContain("\"n1\"")
                    .contains("\"n2\"");
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void aDeepLinkOpensTheSeedAtItsStepAndARunsCounterexampleOpensItsSeed() throws Exception {
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            LabClient client = page.client;
            String run = client.start("{\"experiment\": \"quorum\", \"seeds\": 10}");
            client.events(run);
            page.navigate("#/run/" + run);
            browser.waitFor("document.querySelectorAll('.option').length > 0", PAGE_TIMEOUT);
            new Screenshots(dir).save(browser, "chapter-verdicts");
            String link = browser.evaluate("document.querySelector('.open-seed').getAttribute('href')")
                    .asText();
            assertThat(link).matches("#/run/" + run + "/seed/\\d+\\?variant=.+");

            browser.evaluate("location.hash = " + JsonText.MAPPER.valueToTree(link + "&step=100"));
            browser.waitFor("document.getElementById('step-text')", SEED_TIMEOUT);

            assertThat(browser.evaluate("document.getElementById('step-text').dataset.step")
                            .asText())
                    .isEqualTo("100");
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void aHistoryUploadedFromAFileIsCheckedAndItsOffendingOperationHighlighted() throws Exception {
        Path history = dir.resolve("stale-read.json");
        Files.writeString(history, WebLabCheckApiTest.STALE_READ_JSON, StandardCharsets.UTF_8);
        try (ChromiumLab page = ChromiumLab.open(dir)) {
            DevToolsBrowser browser = page.browser;
            page.navigate("#/check");
            browser.waitFor("document.getElementById('model')", PAGE_TIMEOUT);

            browser.upload("#history-file", history);
            browser.waitFor("document.getElementById('history-text').value.includes('\"read\"')", PAGE_TIMEOUT);
            browser.evaluate("document.getElementById('model').value = 'register'");
            browser.click("#check");
            browser.waitFor("document.getElementById('check-verdict')", PAGE_TIMEOUT);

            assertThat(browser.evaluate("document.getElementById('check-verdict').textContent")
                            .asText())
                    .isEqualTo("INVALID");
            assertThat(browser.evaluate("document.querySelectorAll('.offending-list li').length")
                            .asInt())
                    .isEqualTo(1);
            assertThat(browser.evaluate("document.querySelectorAll('.history rect.op.flagged').length")
                            .asInt())
                    .isEqualTo(1);
            // The checker's order with the model's state around each operation, as Porcupine shows it.
            browser.click(".history rect.op[data-op='0']");
            assertThat(browser.evaluate("document.getElementById('op-detail').textContent")
                            .asText())
                    .contains("Linearized #1 of its key")
                    .contains("→ 1.");
            assertThat(browser.evaluate("document.querySelector('.linearization tr.error').textContent")
                            .asText())
                    .contains("op 1")
                    .contains("cannot follow");
            new Screenshots(dir).save(browser, "check-history");
            assertThat(browser.errors()).isEmpty();

            browser.evaluate("document.getElementById('history-text').value = '{\"process\": 0}'");
            browser.click("#check");
            browser.waitFor("document.querySelector('#check-status .error')", PAGE_TIMEOUT);
            assertThat(browser.evaluate("document.querySelector('#check-status .error').textContent")
                            .asText())
                    .startsWith("the history could not be read: line 1");
            // The refusal is the one error the browser logs: it reports every 4xx it loads, expected or not.
            assertThat(browser.errors())
                    .singleElement()
                    .asString()
                    .contains("status of 400")
                    .endsWith("/api/check");
        }
    }

    private static int windowNumber(DevToolsBrowser browser) {
        String text = browser.evaluate("document.getElementById('window-text').textContent")
                .asText();
        return Integer.parseInt(text.replaceFirst("^Window (\\d+) .*$", "$1"));
    }

    /** The event of the first step of {@code op}'s failure chain that starts with {@code text}. */
    private static int stepOf(JsonNode op, String text) {
        for (JsonNode step : op.path("why")) {
            if (step.path("text").asText().startsWith(text)) {
                return step.path("event").asInt();
            }
        }
        throw new AssertionError(
                op.path("name").asText() + " has no step starting with '" + text + "': " + op.path("why"));
    }
}
