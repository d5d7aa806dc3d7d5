package sdlab.bench.sweep;

import java.util.Objects;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;

/**
 * Times sweeps of one experiment with its default parameters, the way {@code sdlab run EXPERIMENT --seeds S --json}
 * runs them: {@link Sweep#run} on {@code threads} workers, then the JSON report.
 */
public final class SweepTimer {
    private final Experiment experiment;
    private final SweepSettings settings;
    private final ProcessClocks clocks;

    /** Seeds {@code 1 .. seeds} of {@code experiment} on {@code threads} workers. */
    public SweepTimer(Experiment experiment, int seeds, int threads, ProcessClocks clocks) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.settings = SweepSettings.of(1, seeds).withThreads(threads);
        this.clocks = Objects.requireNonNull(clocks, "clocks");
    }

    /** Runs the sweep once and says how long it took. */
    public SweepRound round() {
        // Parsing the defaults is part of what a run does, so it is timed too.
        long wallStart = clocks.wallNanos().getAsLong();
        long cpuStart = clocks.processCpuNanos().getAsLong();
        ParamValues values = ParamValues.defaults(experiment.params());
        ExperimentReport report = Sweep.run(experiment, values, settings, SweepProgress.none());
        String json = JsonReport.render(report);
        long cpuEnd = clocks.processCpuNanos().getAsLong();
        long wallEnd = clocks.wallNanos().getAsLong();
        long cpu = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
        return new SweepRound(
                report.seeds(), report.variants().size(), wallEnd - wallStart, cpu, json.length(), json.hashCode());
    }
}
