package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
    /** The fastest chapter: five variants, a latency histogram, and claims that hold on some seeds only. */
    private static final String CHAPTER = "tls-reuse";

    @TempDir
    Path dir;

    /** Runs {@code sdlab run <args> --json --quiet} in this JVM and keeps its JSON in {@code name}. */
    private Path shard(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "--quiet", "--threads", "1"));
        CommandLineRun run = CommandLineRun.of(all.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        return Files.writeString(dir.resolve(name), run.out());
    }

    private static CommandLineRun merge(Object... args) {
        List<String> all = new ArrayList<>(List.of("merge"));
        for (Object arg : args) {
            all.add(arg.toString());
        }
        return CommandLineRun.of(all.toArray(String[]::new));
    }

    @Test
    void shardsOfAChapterMergeIntoTheJsonOfOneRunOverAllTheSeeds() throws Exception {
        // Seeds 1..9 of a real chapter as three shards, merged: the same bytes as one run over 1..9 (the JSON holds
        // no timings), and the same exit code.
        Path a = shard("a.json", CHAPTER, "--first-seed", "1", "--seeds", "3");
        Path b = shard("b.json", CHAPTER, "--first-seed", "4", "--seeds", "2");
        Path c = shard("c.json", CHAPTER, "--first-seed", "6", "--seeds", "4");
        CommandLineRun whole = CommandLineRun.of("run", CHAPTER, "--seeds", "9", "--json", "--quiet", "--threads", "2");

        CommandLineRun merged = merge(c, a, b, "--json");

        assertThat(merged.err()).isEmpty();
        assertThat(merged.out()).isEqualTo(whole.out());
        assertThat(merged.exit()).isEqualTo(whole.exit());
        assertThat(Files.readString(a))
                .as("a shard alone differs, so equality means the merge worked")
                .isNotEqualTo(whole.out());
    }

    @Test
    void shardsRunAsSeparateProcessesMergeIntoTheSameJson() throws Exception {
        // Two shards in their own JVMs, as two machines would run them, merged here: the one-run JSON.
        Process first = sdlabProcess(dir.resolve("p1.json"), "run", CHAPTER, "--first-seed", "1", "--seeds", "2");
        Process second = sdlabProcess(dir.resolve("p2.json"), "run", CHAPTER, "--first-seed", "3", "--seeds", "2");
        CommandLineRun whole = CommandLineRun.of("run", CHAPTER, "--seeds", "4", "--json", "--quiet", "--threads", "1");
        for (Process process : List.of(first, second)) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(whole.exit());
        }

        CommandLineRun merged = merge(dir.resolve("p2.json"), dir.resolve("p1.json"), "--json");

        assertThat(merged.out()).isEqualTo(whole.out());
    }

    /** {@code sdlab <args> --json --quiet} in a new JVM on this test's class path, its standard output to {@code out}. */
    private static Process sdlabProcess(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--json", "--quiet", "--threads", "1"));
        return new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void theDefaultIsTheTerminalReportAndAFailedAssertionExitsOne() throws Exception {
        // With --cheat the dice break their claim on seed 3; the merge says so as the run does, and exits 1.
        Path a = shard("a.json", "dice", "--cheat", "--first-seed", "1", "--seeds", "5");
        Path b = shard("b.json", "dice", "--cheat", "--first-seed", "6", "--seeds", "5");
        CommandLineRun run = CommandLineRun.of("run", "dice", "--cheat", "--seeds", "10", "--quiet");

        CommandLineRun merged = merge(a, b);

        assertThat(merged.exit()).isEqualTo(1).isEqualTo(run.exit());
        assertThat(merged.out())
                .isEqualTo(run.out())
                .contains("rollsStayOnTheDie: violated on 3/10 seeds; first at seed 3");
    }

    @Test
    void htmlWritesThePageWithTheShowcaseSeedRunAgain() throws Exception {
        Path a = shard("a.json", "dice", "--cheat", "--first-seed", "1", "--seeds", "2");
        Path b = shard("b.json", "dice", "--cheat", "--first-seed", "3", "--seeds", "2");
        Path page = dir.resolve("merged.html");

        CommandLineRun merged = merge(a, b, "--html", page, "--json");

        assertThat(merged.exit()).isEqualTo(1);
        assertThat(Files.readString(page)).contains("<html").contains("seed 3");
    }

    @Test
    void overlapsGapsAndOtherParametersAreRefusedWithExitTwoNamingTheFiles() throws Exception {
        Path a = shard("a.json", "dice", "--first-seed", "1", "--seeds", "4");
        Path b = shard("b.json", "dice", "--first-seed", "3", "--seeds", "4");
        Path late = shard("late.json", "dice", "--first-seed", "9", "--seeds", "2");
        Path sides = shard("sides.json", "dice", "--sides", "8", "--first-seed", "5", "--seeds", "2");
        Path one = shard("one.json", "dice", "--variant", "one", "--first-seed", "5", "--seeds", "2");

        assertRefused(
                merge(a, b), a + " (seeds 1..4) and " + b + " (seeds 3..6) overlap: seeds 3..4 would count twice");
        assertRefused(
                merge(a, late),
                "no report covers seeds 5..8 (between " + a + " (seeds 1..4) and " + late + " (seeds 9..10)); run them "
                        + "with --first-seed 5 --seeds 4 and merge again");
        assertRefused(merge(a, sides), a + " and " + sides + " were run with different parameters: --sides 6 vs 8");
        assertRefused(
                merge(a, one), a + " and " + one + " ran different variants (--variant not given, --variant one)");
    }

    @Test
    void filesThatAreNotMergeableReportsAreRefusedSayingWhy() throws Exception {
        Path a = shard("a.json", "dice", "--first-seed", "1", "--seeds", "4");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);
        ObjectNode other = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        other.put("experiment", "roulette");
        Path roulette = Files.writeString(dir.resolve("roulette.json"), other.toString());
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        old.remove("mergeable");
        Path oldReport = Files.writeString(dir.resolve("old.json"), old.toString());
        Path missing = dir.resolve("missing.json");

        assertRefused(merge(missing), missing + " does not exist");
        assertRefused(merge(a, notJson), notJson + " is not JSON");
        assertRefused(
                merge(a, roulette),
                a + " and " + roulette + " are reports of different experiments (dice, " + "roulette)");
        assertRefused(
                merge(roulette), roulette + " is a report of experiment 'roulette', which this sdlab does not have");
        assertRefused(merge(oldReport), oldReport + ": it has no \"mergeable\" section");
    }

    private static void assertRefused(CommandLineRun run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("sdlab: " + message);
    }

    @Test
    void aMergedReportIsItselfMergeable() throws Exception {
        Path a = shard("a.json", "dice", "--first-seed", "1", "--seeds", "3");
        Path b = shard("b.json", "dice", "--first-seed", "4", "--seeds", "3");
        Path c = shard("c.json", "dice", "--first-seed", "7", "--seeds", "3");
        Path ab =
                Files.writeString(dir.resolve("ab.json"), merge(a, b, "--json").out());
        CommandLineRun whole = CommandLineRun.of("run", "dice", "--seeds", "9", "--json", "--quiet");
        assertThat(merge(ab, c, "--json").out()).isEqualTo(whole.out());
    }
}
