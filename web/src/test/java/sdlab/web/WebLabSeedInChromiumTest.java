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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sdlab.chapters.quorum.QuorumExperiment;
import sdlab.lab.Experiment;

/**
 * One seed stepped, and a history checked, in a real headless Chromium: open chapter 10's seed 5 of n3r1w3 (not
 * linearizable, as the README says), find the offending operation highlighted, follow it into the diagram, step with
 * the arrow keys and see the step advance in both views and in the URL; open a seed from a run's counterexample link;
 * upload a history and see its verdict and its offending operation. Any console error fails it. What the page shows
 * is checked against the API's answer for the same seed.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class WebLabSeedInChromiumTest {
    private static final Experiment QUORUM = new QuorumExperiment();
    // A replay judges every variant of the seed first; on a busy 2-core machine that takes seconds.
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final int ARROW_RIGHT = 39;
    private static final int ARROW_LEFT = 37;
    private static final int PAGE_DOWN = 34;

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
    void aLearnerStepsThroughANonLinearizableSeedFromItsOffendingOperation() throws Exception {
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            JsonNode seed = new LabClient(lab.url())
                    .get("/api/chapters/quorum/seeds/5?variant=n3r1w3")
                    .json();
            JsonNode op59 = operation(seed, "op 59");
            // From the chapter's own form: no run needed.
            browser.navigate(lab.url() + "#/chapter/quorum");
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
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            LabClient client = new LabClient(lab.url());
            String run = client.start("{\"experiment\": \"quorum\", \"seeds\": 10}");
            client.events(run);
            browser.navigate(lab.url() + "#/run/" + run);
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
    void aSeedRerunWithOneChangeShowsWhereTheRunsPartAndHowTheirVerdictsDiffer() throws Exception {
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            LabClient client = new LabClient(lab.url());
            JsonNode original =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            JsonNode rerun =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r2w2").json();
            int shared = sharedEvents(original, rerun);
            assertThat(shared)
                    .as("the variants differ in what they send")
                    .isLessThan(original.path("events").size());

            // A link with the change compares at once.
            browser.navigate(lab.url() + "#/chapter/quorum/seed/5?variant=n3r1w3&vs=variant=n3r2w2");
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
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            LabClient client = new LabClient(lab.url());
            JsonNode original =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            JsonNode forked = client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3&fork=1027:drop:406")
                    .json();

            // Step 1027 is c4 sending op 59's Read #406 to n6; it is in flight there, and the learner drops it.
            browser.navigate(lab.url() + "#/chapter/quorum/seed/5?variant=n3r1w3&step=1026");
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
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            LabClient client = new LabClient(lab.url());
            JsonNode seed =
                    client.get("/api/chapters/quorum/seeds/5?variant=n3r1w3").json();
            int step = deliveryToANodeAfter(seed, 1000);
            String receiver = seed.path("nodes")
                    .get(seed.path("events").get(step).get(2).asInt())
                    .asText();

            browser.navigate(lab.url() + "#/chapter/quorum/seed/5?variant=n3r1w3&step=" + step);
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
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            browser.navigate(lab.url() + "#/chapter/quorum?ops-per-client=10");
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

    private static int deliveryToANodeAfter(JsonNode seed, int from) {
        for (int index = from; index < seed.path("events").size(); index++) {
            JsonNode event = seed.path("events").get(index);
            if (event.get(1).asText().equals("DELIVER")
                    && seed.path("nodes").get(event.get(2).asInt()).asText().startsWith("n")) {
                return index;
            }
        }
        throw new AssertionError("no delivery to a node after step " + from);
    }

    /** The events two replayed seeds share from the start: equal time, kind, nodes, message and detail. */
    private static int sharedEvents(JsonNode a, JsonNode b) {
        JsonNode eventsA = a.path("events");
        JsonNode eventsB = b.path("events");
        int count = Math.min(eventsA.size(), eventsB.size());
        for (int index = 0; index < count; index++) {
            if (!eventText(a, eventsA.get(index)).equals(eventText(b, eventsB.get(index)))) {
                return index;
            }
        }
        return count;
    }

    /** An event with its lanes as names (the two runs may number lanes differently) and without its owner. */
    private static String eventText(JsonNode seed, JsonNode event) {
        JsonNode nodes = seed.path("nodes");
        return event.get(0).asText() + " " + event.get(1).asText() + " "
                + (event.get(2).asInt() < 0
                        ? "-"
                        : nodes.get(event.get(2).asInt()).asText()) + " "
                + (event.get(3).asInt() < 0
                        ? "-"
                        : nodes.get(event.get(3).asInt()).asText()) + " "
                + event.get(4).asText() + " " + event.get(7).asText();
    }

    private static int differingClaims(JsonNode a, JsonNode b) {
        java.util.Map<String, String> verdicts = new java.util.HashMap<>();
        for (JsonNode claim : b.path("verdict").path("claims")) {
            verdicts.put(claim.path("name").asText(), verdictOf(claim));
        }
        int differing = 0;
        for (JsonNode claim : a.path("verdict").path("claims")) {
            if (!verdictOf(claim).equals(verdicts.get(claim.path("name").asText()))) {
                differing++;
            }
        }
        return differing;
    }

    private static String verdictOf(JsonNode claim) {
        return !claim.path("applicable").asBoolean()
                ? "not shown"
                : claim.path("holds").asBoolean() ? "held" : "broke";
    }

    @Test
    void aHistoryUploadedFromAFileIsCheckedAndItsOffendingOperationHighlighted() throws Exception {
        Path history = dir.resolve("stale-read.json");
        Files.writeString(history, WebLabCheckApiTest.STALE_READ_JSON, StandardCharsets.UTF_8);
        try (WebLab lab = WebLab.start(WebLabSettings.of(List.of(QUORUM), 0, dir.resolve("runs")));
                DevToolsBrowser browser = DevToolsBrowser.launch(chromium, dir)) {
            browser.viewport(Screenshots.WIDTH, Screenshots.HEIGHT);
            browser.navigate(lab.url() + "#/check");
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

    private static JsonNode operation(JsonNode seed, String name) {
        for (JsonNode op : seed.path("operations")) {
            if (op.path("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name);
    }

    private static int flaggedCount(JsonNode seed) {
        int count = 0;
        for (JsonNode op : seed.path("operations")) {
            if (op.path("flagged").isTextual()) {
                count++;
            }
        }
        return count;
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
