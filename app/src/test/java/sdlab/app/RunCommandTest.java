package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @Test
    void runPrintsTheDocumentedJsonAndExitsZeroWhenEveryClaimHolds() throws Exception {
        // --json puts only JSON on standard output; the claims held, so the exit code is 0.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--seeds", "40", "--json", "--quiet", "--threads", "2");
        assertThat(run.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("experiment").asText()).isEqualTo("dice");
        assertThat(json.get("seeds").asInt()).isEqualTo(40);
        assertThat(json.get("variants").get(0).get("metrics").get("rolls").asLong())
                .isEqualTo(400);
        assertThat(json.get("claims").get(0).get("holds").asBoolean()).isTrue();
        assertThat(json.get("question").get("options").get(0).get("supported").asBoolean())
                .isTrue();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aFailingClaimExitsOneAndPrintsTheReplayCommand() {
        // With --cheat the dice misbehave on seed 3; the report says so and how to replay it with the same params.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--cheat", "--seeds", "10", "--quiet");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("rollsStayOnTheDie: violated on 3/10 seeds; first at seed 3: one: roll 5 showed 7")
                .contains("replay: ./sdlab run dice --seed 3 --variant one --trace --cheat true");
    }

    @Test
    void thePrintedReplayJudgesTheClaimsAndShowsOnlyItsVariant() {
        // The replay command names the variant that broke the claim; running it judges the claim on every variant
        // again (exit 1), but prints only that variant's trace and findings.
        CommandLineRun run = CommandLineRun.of(
                "run", "dice", "--seed", "3", "--variant", "one", "--trace", "--cheat", "true", "--quiet");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("== variant one, seed 3")
                .doesNotContain("== variant two")
                .contains("rollsStayOnTheDie: violated on 1/1 seeds; first at seed 3: one: roll 5 showed 7")
                .contains("findings of one on seed 3:")
                .doesNotContain("findings of two");
    }

    @Test
    void aForkChangesTheTracedRunAtItsStepAndPrintsItsTraceAndFindings() {
        // Step 1027 of chapter 10's seed 5 (n3r1w3) is c4 sending op 59's Read #406 to n6; the fork loses it.
        CommandLineRun original =
                CommandLineRun.of("run", "quorum", "--seed", "5", "--variant", "n3r1w3", "--trace", "--quiet");
        assertThat(original.out().lines().skip(1027).findFirst().orElseThrow()).contains("SEND      c4 -> n6 #406");

        CommandLineRun run = CommandLineRun.of(
                "run", "quorum", "--seed", "5", "--variant", "n3r1w3", "--trace", "--fork", "1027:drop:406", "--quiet");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().limit(1028))
                .containsExactlyElementsOf(original.out()
                        .lines()
                        .limit(1028)
                        .map(line -> line.startsWith("==")
                                ? run.out().lines().findFirst().orElseThrow()
                                : line)
                        .toList());
        assertThat(run.out().lines().skip(1028).limit(2))
                .containsExactly(
                        "  819.733ms NOTE      - fork after step 1027: drop message #406",
                        "  819.733ms DROP      c4 -> n6 #406 dropped by a fork: Read[requestId=20, key=k0]");
        assertThat(run.out()).contains("fork of seed 5, variant n3r1w3: after step 1027: drop message #406");
    }

    @Test
    void aForkThatCannotBeMadeOrIsAskedWrongIsABadInputThatSaysWhy() {
        CommandLineRun late = CommandLineRun.of(
                "run", "quorum", "--seed", "5", "--variant", "n3r1w3", "--trace", "--fork", "1027:drop:407", "--quiet");
        assertThat(late.exit()).isEqualTo(2);
        assertThat(late.err()).contains("--fork: message #407 is not in flight after step 1027");

        CommandLineRun untraced = CommandLineRun.of("run", "quorum", "--seed", "5", "--fork", "1027:drop:406");
        assertThat(untraced.exit()).isEqualTo(2);
        assertThat(untraced.err()).contains("--fork changes one traced run: give it with --seed S, --variant NAME");

        CommandLineRun malformed = CommandLineRun.of(
                "run", "quorum", "--seed", "5", "--variant", "n3r1w3", "--trace", "--fork", "1027:zap:4");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("--fork: bad fork '1027:zap:4': unknown change 'zap'");

        CommandLineRun notTaken =
                CommandLineRun.of("run", "dice", "--seed", "3", "--variant", "one", "--trace", "--fork", "2:drop:1");
        assertThat(notTaken.exit()).isEqualTo(2);
        assertThat(notTaken.err()).contains("does not take changes made by hand yet");
    }

    @Test
    void seedReplaysOneSeedWithItsFindings() {
        // --seed runs one seed: the per-variant metrics, the claims on that seed and what each variant found.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--seed", "6", "--cheat", "true", "--sides", "8");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("seed 6; params sides=8* cheat=true* pace=5ms")
                .contains("violated on 1/1 seeds; first at seed 6")
                .contains("findings of two on seed 6:\n  roll 5 showed 9 on a 8-sided die\n");
        assertThat(run.err()).contains("dice: 1 seed x 2 variants in");
    }

    @Test
    void traceOfASeedIsTheSameBytesEveryTime() {
        // A replayed trace contains nothing but the run's own output, so two replays print identical bytes.
        CommandLineRun first = CommandLineRun.of("run", "dice", "--seed", "7", "--trace", "--quiet");
        CommandLineRun second = CommandLineRun.of("run", "dice", "--seed", "7", "--trace", "--quiet");
        CommandLineRun other = CommandLineRun.of("run", "dice", "--seed", "8", "--trace", "--quiet");
        assertThat(first.exit()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
        assertThat(first.out())
                .startsWith("== variant one, seed 7: 20 events, trace hash ")
                .contains("== variant two, seed 7: 20 events")
                .containsPattern("SEND +hand -> table #1 Roll\n");
    }

    @Test
    void traceCanBeRestrictedToOneVariant() {
        // With --seed, --variant keeps one variant's trace; the claims are still judged on every variant.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--seed", "7", "--trace", "--variant", "two", "--quiet");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("== variant two").doesNotContain("== variant one");
        assertThat(run.out())
                .contains("rollsStayOnTheDie: held on 1/1 seeds")
                .doesNotContain("claims and question skipped");
    }

    @Test
    void htmlWritesASelfContainedReport(@TempDir Path dir) throws Exception {
        // --html writes the page next to the usual terminal report, detailing the run that broke the claim.
        Path page = dir.resolve("dice.html");
        CommandLineRun run = CommandLineRun.of("run", "dice", "--seeds", "12", "--html", page.toString(), "--cheat");
        assertThat(run.exit()).isEqualTo(1);
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Seed 3, variant one in detail");
        assertThat(run.err()).contains("wrote " + page + " (seed 3, variant one in detail)");
    }

    @Test
    void helpListsTheExperimentsParametersWithDefaultsAndRanges() {
        // Each experiment's options are generated from its parameters.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("--sides=VALUE")
                .contains("faces of each die (default 6; 2..20)")
                .contains("--cheat[=true|false]")
                .contains("--pace=VALUE")
                .contains("(default 5ms; 1ms..1s)")
                .contains("--seeds=N")
                .contains("Variants: one, two.");
    }

    @Test
    void progressGoesToStandardErrorUnlessQuiet() {
        // Without a terminal the sweep prints a plain line at every tenth, then the timing.
        CommandLineRun run = CommandLineRun.of("run", "dice", "--seeds", "20", "--json");
        assertThat(run.err()).contains("dice: 10/20 seeds (50%)").contains("dice: 20/20 seeds (100%)");
        assertThat(run.err()).containsPattern("dice: 20 seeds x 2 variants in [0-9.]+s on \\d+ threads?\n");
    }

    @Test
    void aBugInAnExperimentExitsThreeAndNamesTheSeed() {
        // An exception in experiment code is not bad input: exit 3, the seed and the replay command.
        CommandLineRun run = CommandLineRun.of("run", "broken", "--seeds", "10", "--quiet");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err())
                .startsWith("sdlab: experiment broken, variant only threw on seed 5: java.lang.IllegalStateException: "
                        + "the bug\n")
                .contains("replay it with ./sdlab run broken --seed 5 --variant only --trace");
    }
}
