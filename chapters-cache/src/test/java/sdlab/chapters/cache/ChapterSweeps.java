package sdlab.chapters.cache;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.VariantResult;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;

/** Runs a chapter's sweep for its tests, quietly, on every core, and looks results up by name. */
public final class ChapterSweeps {
    private ChapterSweeps() {}

    /** Seeds 1 to {@code seeds} of {@code experiment} with its default parameters. */
    public static ExperimentReport sweep(Experiment experiment, int seeds) {
        return sweep(experiment, ParamValues.defaults(experiment.params()), seeds);
    }

    /** Seeds 1 to {@code seeds} of {@code experiment} with {@code values}. */
    public static ExperimentReport sweep(Experiment experiment, ParamValues values, int seeds) {
        SweepSettings settings =
                SweepSettings.of(1, seeds).withThreads(Runtime.getRuntime().availableProcessors());
        return Sweep.run(experiment, values, settings, SweepProgress.none());
    }

    public static Map<String, ClaimResult> claimsByName(ExperimentReport report) {
        return report.claims().stream().collect(Collectors.toMap(ClaimResult::name, Function.identity()));
    }

    /** The aggregated value of {@code metric} for {@code variant}. */
    public static double metric(ExperimentReport report, String variant, String metric) {
        VariantResult result = report.variants().stream()
                .filter(v -> v.name().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + variant));
        Number value = result.metrics().get(metric);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + metric);
        }
        return value.doubleValue();
    }
}
