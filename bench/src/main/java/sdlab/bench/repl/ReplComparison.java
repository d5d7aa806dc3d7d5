package sdlab.bench.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The same closed-loop load on every system and mode, in rounds: each round measures every mode of every system, the
 * systems in turn, in the opposite order the next round, so that a machine growing busier or quieter weighs on every
 * system alike. A mode that cannot be entered, or whose check finds it was not in force, is recorded with its
 * problem rather than stopping the run.
 */
public final class ReplComparison {
    private final ReplRunSettings settings;
    private final Consumer<String> progress;
    private final LongSupplier clockNanos;

    public ReplComparison(ReplRunSettings settings, Consumer<String> progress, LongSupplier clockNanos) {
        this.settings = settings;
        this.progress = progress;
        this.clockNanos = clockNanos;
    }

    /** One row per system and mode, the systems in the order given, each system's modes in its own order. */
    public List<ModeRow> run(List<ReplSystem> systems) throws InterruptedException {
        Map<ReplSystem, Map<CommitMode, List<CommitFigures>>> runs = new LinkedHashMap<>();
        systems.forEach(system -> {
            Map<CommitMode, List<CommitFigures>> byMode = new LinkedHashMap<>();
            system.modes().forEach(mode -> byMode.put(mode, new ArrayList<>()));
            runs.put(system, byMode);
        });
        for (int round = 0; round < settings.rounds(); round++) {
            List<ReplSystem> order = round % 2 == 0 ? systems : systems.reversed();
            for (ReplSystem system : order) {
                for (CommitMode mode : system.modes()) {
                    runs.get(system).get(mode).add(measure(system, mode, round));
                }
            }
        }
        List<ModeRow> rows = new ArrayList<>();
        runs.forEach((system, byMode) -> byMode.forEach((mode, figures) -> rows.add(
                new ModeRow(system.name(), mode, system.setting(mode), figures, byMode.get(system.baseline())))));
        return rows;
    }

    private CommitFigures measure(ReplSystem system, CommitMode mode, int round) throws InterruptedException {
        progress.accept(String.format(
                Locale.ROOT, "round %d of %d: %s, %s", round + 1, settings.rounds(), system.name(), mode.label()));
        ModeSession session;
        try {
            session = system.enter(mode, settings.clients());
        } catch (IllegalStateException e) {
            return failed("cannot enter the mode: " + e.getMessage());
        }
        try (session) {
            CommitLoad.Result result =
                    new CommitLoad(settings.clients(), settings.warmup(), settings.duration(), clockNanos).run(session);
            CommitFigures figures = result.figures().withProblems(session.check(result.commitsTotal()));
            progress.accept(String.format(
                    Locale.ROOT,
                    "%s %s: %,.0f commits/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
                    system.name(),
                    mode.label(),
                    figures.commitsPerSecond(),
                    figures.latencyMsP50(),
                    figures.latencyMsP99(),
                    figures.errors(),
                    figures.problems().isEmpty() ? "" : "; " + String.join("; ", figures.problems())));
            return figures;
        } catch (IllegalStateException e) {
            return failed(e.getMessage());
        }
    }

    private CommitFigures failed(String problem) {
        progress.accept(problem);
        return new CommitFigures(0, settings.duration().toNanos() / 1e9, Double.NaN, Double.NaN, 0, List.of(problem));
    }
}
