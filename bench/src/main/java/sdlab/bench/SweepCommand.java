package sdlab.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.sweep.ProcessClocks;
import sdlab.bench.sweep.SweepRound;
import sdlab.bench.sweep.SweepTimer;
import sdlab.lab.Experiment;
import sdlab.lab.sweep.SweepSettings;

/** {@code sdlab bench sweep}: how long an experiment's sweep over many seeds takes, as {@code sdlab run} runs it. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Time an experiment's sweep with its default parameters over seeds 1..N on every core, as 'sdlab run"
                    + " EXPERIMENT --seeds N --json' runs it after its JVM has started: every variant of every seed,"
                    + " the claims, the linearizability checks, the tallies and the JSON report.",
            "Prints wall and process CPU time per round and seeds per second; round 1 is cold (the JIT has not"
                    + " compiled the sweep yet), as in every CLI run.",
            "Goal (issue 15): chapter 10 (quorum) over 1,000 seeds in at most 5 s on 2 idle cores."
        })
final class SweepCommand implements Callable<Integer> {
    static final int ROUNDS_MAX = 100;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--experiment",
            defaultValue = SweepReport.GOAL_EXPERIMENT,
            description = "The experiment's id, as 'sdlab list' names it (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(
            names = "--seeds",
            defaultValue = "1000",
            description = "Seeds per round, 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Sweeps timed one after another in this JVM; the first is cold (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", description = "Sweep workers (default: every core, as 'sdlab run' uses).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        Experiment chosen = chosenExperiment();
        int workers = validatedThreads();
        validateCounts();
        Machine machine = Machine.now();
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime);
        SweepTimer timer = new SweepTimer(chosen, seeds, workers, ProcessClocks.system());
        List<SweepRound> measured = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            progress.accept("round " + round + " of " + rounds + ": " + seeds + " seeds of " + experiment);
            measured.add(timer.round());
        }
        SweepReport report = new SweepReport(machine, experiment, workers, uptimeMs, measured);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return report.reportsIdentical() ? 0 : 1;
    }

    private Experiment chosenExperiment() {
        List<Experiment> all = new ArrayList<>();
        ServiceLoader.load(Experiment.class).forEach(all::add);
        return all.stream()
                .filter(e -> e.id().equals(experiment))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "no experiment named '" + experiment + "'; choose one of "
                                + String.join(
                                        ", ",
                                        all.stream()
                                                .map(Experiment::id)
                                                .sorted()
                                                .toList())));
    }

    private int validatedThreads() {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > SweepSettings.THREADS_MAX) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--threads must be from 1 to " + SweepSettings.THREADS_MAX + ", got " + workers);
        }
        return workers;
    }

    private void validateCounts() {
        if (seeds < 1 || seeds > SweepSettings.SEEDS_MAX) {
            throw new ParameterException(
                    spec.commandLine(), "--seeds must be from 1 to " + SweepSettings.SEEDS_MAX + ", got " + seeds);
        }
        if (rounds < 1 || rounds > ROUNDS_MAX) {
            throw new ParameterException(
                    spec.commandLine(), "--rounds must be from 1 to " + ROUNDS_MAX + ", got " + rounds);
        }
    }
}
