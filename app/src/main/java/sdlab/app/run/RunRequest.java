package sdlab.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import sdlab.lab.ForkText;
import sdlab.lab.sweep.SweepSettings;
import sdlab.sim.Fork;

/**
 * The options every experiment's run command shares, parsed and checked together.
 *
 * @param firstSeed the first seed of the sweep
 * @param seeds how many seeds the sweep runs
 * @param replaySeed the single seed to replay ({@code --seed}), if any
 * @param trace print the replayed seed's trace
 * @param variant run only this variant
 * @param json print JSON instead of the terminal report
 * @param html also write an HTML report here
 * @param threads worker threads
 * @param quiet no progress or timing on standard error
 * @param forks changes made by hand at steps of the replayed seed ({@code --fork}), none if empty
 */
record RunRequest(
        long firstSeed,
        int seeds,
        Optional<Long> replaySeed,
        boolean trace,
        Optional<String> variant,
        boolean json,
        Optional<Path> html,
        int threads,
        boolean quiet,
        List<Fork> forks) {
    static final int SEEDS_DEFAULT = 200;
    private static final String SEEDS = "--seeds";
    private static final String FIRST_SEED = "--first-seed";
    private static final String SEED = "--seed";
    private static final String TRACE = "--trace";
    private static final String VARIANT = "--variant";
    private static final String JSON = "--json";
    private static final String HTML = "--html";
    private static final String THREADS = "--threads";
    private static final String QUIET = "--quiet";
    private static final String FORK = "--fork";

    /** Option names that experiment parameters cannot take. */
    static final Set<String> RESERVED =
            Set.of(SEEDS, FIRST_SEED, SEED, TRACE, VARIANT, JSON, HTML, THREADS, QUIET, FORK, "--help", "--version");

    /** Adds the shared options to an experiment's command, after its parameters. */
    static void addOptions(CommandSpec spec, List<String> variantNames) {
        int cores = Runtime.getRuntime().availableProcessors();
        add(spec, SEEDS, "N", Integer.class, "How many seeds to run (default " + SEEDS_DEFAULT + ").");
        add(spec, FIRST_SEED, "S", Long.class, "The first seed (default 1): seeds S to S+N-1 run.");
        add(spec, SEED, "S", Long.class, "Replay exactly one seed: its metrics, claims and findings per variant.");
        flag(
                spec,
                TRACE,
                "With --seed: print that seed's trace, one line per event, for every variant (or --variant).");
        add(
                spec,
                VARIANT,
                "NAME",
                String.class,
                "Run only this variant; claims, which compare variants, are skipped. With --seed: judge claims on all, "
                        + "show this one's trace, findings and diagram. Variants: "
                        + String.join(", ", variantNames) + ".");
        flag(spec, JSON, "Print the report as JSON (progress still goes to standard error).");
        add(
                spec,
                HTML,
                "FILE",
                String.class,
                "Also write a self-contained HTML report: charts, claims, and the "
                        + "space-time diagram of one seed.");
        add(
                spec,
                THREADS,
                "N",
                Integer.class,
                "Worker threads (default " + cores + ", all cores); the results do not " + "depend on it.");
        flag(spec, QUIET, "No progress or timing on standard error.");
        add(
                spec,
                FORK,
                "CHANGES",
                String.class,
                "With --seed, --variant and --trace: change the run by hand after a step (counted from 1, as the "
                        + "trace numbers its lines) and print the fork's trace and findings, e.g. 1027:drop:406 "
                        + "(lose message #406 in flight), 1027:delay:406:50ms, 1027:deliver:406, 1027:crash:n3:200ms, "
                        + "1027:pause:n3:200ms, 1027:cut:n3/n1+n2:300ms; several joined by commas. Every chapter takes "
                        + "forks.");
    }

    private static void add(CommandSpec spec, String name, String label, Class<?> type, String description) {
        spec.addOption(OptionSpec.builder(name)
                .paramLabel(label)
                .type(type)
                .description(description)
                .build());
    }

    private static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name)
                .arity("0")
                .type(boolean.class)
                .description(description)
                .build());
    }

    /** Reads and checks the shared options; bad values or combinations throw {@link ParameterException}. */
    static RunRequest from(CommandLine command) {
        ParseResult parsed = command.getParseResult();
        Optional<Long> replaySeed = Optional.ofNullable(parsed.<Long>matchedOptionValue(SEED, null));
        RunRequest request = new RunRequest(
                parsed.matchedOptionValue(FIRST_SEED, 1L),
                parsed.matchedOptionValue(SEEDS, SEEDS_DEFAULT),
                replaySeed,
                parsed.hasMatchedOption(TRACE),
                Optional.ofNullable(parsed.<String>matchedOptionValue(VARIANT, null)),
                parsed.hasMatchedOption(JSON),
                Optional.ofNullable(parsed.<String>matchedOptionValue(HTML, null))
                        .map(Path::of),
                parsed.matchedOptionValue(THREADS, Runtime.getRuntime().availableProcessors()),
                parsed.hasMatchedOption(QUIET),
                forks(command, parsed.matchedOptionValue(FORK, "")));
        request.check(command, parsed);
        return request;
    }

    private static List<Fork> forks(CommandLine command, String text) {
        try {
            return ForkText.parse(text);
        } catch (IllegalArgumentException bad) {
            throw bad(command, FORK + ": " + bad.getMessage());
        }
    }

    private void check(CommandLine command, ParseResult parsed) {
        if (!forks.isEmpty() && (replaySeed.isEmpty() || variant.isEmpty() || !trace)) {
            throw bad(
                    command,
                    FORK + " changes one traced run: give it with " + SEED + " S, " + VARIANT + " NAME and " + TRACE);
        }
        if (seeds < 1 || seeds > SweepSettings.SEEDS_MAX) {
            throw bad(command, SEEDS + " must be from 1 to " + SweepSettings.SEEDS_MAX + ", got " + seeds);
        }
        if (threads < 1 || threads > SweepSettings.THREADS_MAX) {
            throw bad(command, THREADS + " must be from 1 to " + SweepSettings.THREADS_MAX + ", got " + threads);
        }
        if (replaySeed.isPresent() && (parsed.hasMatchedOption(SEEDS) || parsed.hasMatchedOption(FIRST_SEED))) {
            throw bad(command, SEED + " replays one seed; leave out " + SEEDS + " and " + FIRST_SEED);
        }
        if (trace && replaySeed.isEmpty()) {
            throw bad(
                    command,
                    TRACE + " needs " + SEED + " S: a trace is of one seed (the replay commands in the "
                            + "report name the interesting ones)");
        }
        if (trace && json) {
            throw bad(command, TRACE + " prints text and " + JSON + " prints JSON; choose one");
        }
        if (firstSeed > Long.MAX_VALUE - seeds) {
            throw bad(command, FIRST_SEED + " " + firstSeed + " plus " + seeds + " seeds is beyond the largest seed");
        }
        html.ifPresent(path -> {
            Path parent = path.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw bad(command, HTML + " " + path + ": the directory " + parent + " does not exist");
            }
        });
    }

    /**
     * A replay ({@code --seed}) runs every variant, so that its claims are judged as in the sweep that printed the
     * replay command; {@code --variant} then narrows only what is shown (trace, findings, diagram). A sweep with
     * {@code --variant} runs that variant alone.
     */
    SweepSettings sweepSettings() {
        if (replaySeed.isPresent()) {
            return SweepSettings.of(replaySeed.get(), 1).withThreads(threads);
        }
        SweepSettings settings = SweepSettings.of(firstSeed, seeds).withThreads(threads);
        return variant.map(settings::withOnlyVariant).orElse(settings);
    }

    private static ParameterException bad(CommandLine command, String message) {
        return new ParameterException(command, message);
    }
}
