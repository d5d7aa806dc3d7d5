package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Claim;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.SeedDetail;
import sdlab.sim.Fork;
import sdlab.sim.ForkException;
import sdlab.sim.Steering;

/**
 * Runs an experiment over a range of seeds and measures it.
 *
 * <p>Every seed runs every variant (so that claims can compare variants on the same seed) and checks every claim,
 * on a pool of {@link SweepSettings#threads()} workers. Seeds are merged into the tallies in seed order, so the report
 * is the same whatever the thread count. Runs are lean ({@link RunOptions#lean()}): no trace or history is kept for
 * the sweep; {@link #replay} runs one chosen seed again with both, which determinism makes faithful.
 */
public final class Sweep {
    private Sweep() {}

    /**
     * Measures {@code experiment} with {@code values} over the seeds of {@code settings}. Throws {@link SweepFailure}
     * if the experiment's code throws, and {@link IllegalArgumentException} for an unknown {@code onlyVariant}.
     */
    public static ExperimentReport run(
            Experiment experiment, ParamValues values, SweepSettings settings, SweepProgress progress) {
        SweepPlan plan = SweepPlan.of(experiment, values, settings.onlyVariant());
        SweepTally tally = SweepTally.empty(plan, settings.firstSeed());
        int[] merged = {0};
        progress.advanced(0, settings.seedCount());
        try {
            OrderedParallelRunner.run(
                    settings.firstSeed(),
                    settings.seedCount(),
                    settings.threads(),
                    seed -> runSeed(experiment, values, plan.variants(), plan.claims(), seed),
                    outcome -> {
                        tally.add(outcome);
                        progress.advanced(++merged[0], settings.seedCount());
                    });
        } finally {
            progress.finished();
        }
        return tally.report();
    }

    /**
     * Seeds 1 to {@code seeds} of {@code experiment} with its default parameters, on every core and
     * without progress: what tests and programs that want only the report need.
     */
    public static ExperimentReport quietly(Experiment experiment, int seeds) {
        return quietly(experiment, ParamValues.defaults(experiment.params()), seeds);
    }

    /** Seeds 1 to {@code seeds} of {@code experiment} with {@code values}, on every core and without progress. */
    public static ExperimentReport quietly(Experiment experiment, ParamValues values, int seeds) {
        SweepSettings settings =
                SweepSettings.of(1, seeds).withThreads(Runtime.getRuntime().availableProcessors());
        return run(experiment, values, settings, SweepProgress.none());
    }

    /** Runs one seed again with trace and history kept, for all variants or just {@code onlyVariant}. */
    public static SeedDetail replay(
            Experiment experiment, ParamValues values, long seed, Optional<String> onlyVariant) {
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        for (Variant variant : ExperimentShape.selected(experiment.variants(values), onlyVariant)) {
            runs.put(variant.name(), runVariant(experiment, variant, values, seed, RunOptions.full()));
        }
        return new SeedDetail(seed, runs);
    }

    /**
     * Runs one seed of one variant again with these changes made at their steps: a fork of the seed. Refused for an
     * experiment that does not {@link Experiment#takesForks() take forks}.
     */
    public static SeedRun fork(Experiment experiment, ParamValues values, long seed, String variant, List<Fork> forks) {
        return steer(experiment, values, seed, variant, Steering.forks(forks));
    }

    /**
     * Runs one seed of one variant with these forks made and inspections taken at their steps. An inspected run stops
     * after its last look, so what it returns is for looking at, not measuring: if the chapter refuses to measure the
     * shortened run, the looks still stand and the run says it measured nothing. Refused, as {@link #fork}.
     */
    public static SeedRun steer(
            Experiment experiment, ParamValues values, long seed, String variant, Steering steering) {
        if (!experiment.takesForks()) {
            throw new IllegalArgumentException("chapter " + experiment.id()
                    + " does not take changes made by hand yet; only its seeds as they ran");
        }
        Variant chosen = ExperimentShape.selected(experiment.variants(values), Optional.of(variant))
                .getFirst();
        LooksTaken looks = new LooksTaken(steering);
        try {
            return experiment.run(chosen, values, seed, RunOptions.steered(looks.counted()));
        } catch (ForkException e) {
            throw e; // the change cannot be made: the asker's mistake, not the experiment's
        } catch (RuntimeException | AssertionError e) {
            if (looks.allTaken()) {
                // The run stopped at its last look, as asked, and every look was taken. Measuring a run that stopped
                // early is not measuring a run, and a chapter may rightly refuse to (a failover that never came, a
                // planned crash not yet reached): the looks are what was asked for.
                return SeedRun.builder()
                        .finding("measured nothing: the run stopped after its last look (" + e.getMessage() + ")")
                        .build();
            }
            throw new SweepFailure(
                    seed, variant, "experiment " + experiment.id() + ", variant " + variant + ", forked", e);
        }
    }

    private static SeedOutcome runSeed(
            Experiment experiment, ParamValues values, List<Variant> variants, List<Claim> claims, long seed) {
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        for (Variant variant : variants) {
            runs.put(variant.name(), runVariant(experiment, variant, values, seed, RunOptions.lean()));
        }
        List<Optional<String>> violations = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            try {
                violations.add(claim.check(seed, runs));
            } catch (RuntimeException | AssertionError e) {
                throw new SweepFailure(seed, variants.getFirst().name(), "claim " + claim.name(), e);
            }
        }
        return new SeedOutcome(seed, runs, violations);
    }

    /**
     * A stratified experiment's run names one of its declared values, and an unstratified one's names none: a run
     * filed under no stratum, or under one the report does not show, would make the strata disagree with the totals.
     */
    private static void requireStratum(Experiment experiment, SeedRun run) {
        Optional<String> value = run.stratum();
        experiment
                .stratum()
                .ifPresentOrElse(
                        stratum -> {
                            if (value.isEmpty() || !stratum.values().contains(value.get())) {
                                throw new IllegalStateException("the run's " + stratum.name() + " is "
                                        + value.map(v -> "'" + v + "'").orElse("not set") + ", not one of "
                                        + stratum.values());
                            }
                        },
                        () -> {
                            if (value.isPresent()) {
                                throw new IllegalStateException("the run names stratum value '" + value.get()
                                        + "', and the experiment declares no stratum");
                            }
                        });
    }

    private static SeedRun runVariant(
            Experiment experiment, Variant variant, ParamValues values, long seed, RunOptions options) {
        try {
            SeedRun run = experiment.run(variant, values, seed, options);
            if (run == null) {
                throw new IllegalStateException("run returned null");
            }
            requireStratum(experiment, run);
            return run;
        } catch (RuntimeException | AssertionError e) {
            throw new SweepFailure(
                    seed, variant.name(), "experiment " + experiment.id() + ", variant " + variant.name(), e);
        }
    }
}
