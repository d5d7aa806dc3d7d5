package sdlab.chapters.traffic;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.VariantResult;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;

/** Runs the traffic chapters' sweeps for tests, quietly, on every core, and reads their reports. */
public final class Sweeps {
    private Sweeps() {}

    /** Seeds 1..{@code seeds} of {@code experiment} with its default parameters. */
    public static ExperimentReport sweep(Experiment experiment, int seeds) {
        return sweep(experiment, ParamValues.defaults(experiment.params()), seeds);
    }

    /** Seeds 1..{@code seeds} of {@code experiment} with {@code values}. */
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
                .orElseThrow(() -> new AssertionError("no variant " + variant));
        Number value = result.metrics().get(metric);
        if (value == null) {
            throw new AssertionError("no metric " + metric);
        }
        return value.doubleValue();
    }

    /** The labels of the question's options that the measurements support, in the question's order. */
    public static List<String> supportedOptions(ExperimentReport report) {
        QuestionResult question = report.question().orElseThrow(() -> new AssertionError("no question"));
        return question.options().stream()
                .filter(QuestionResult.OptionResult::supported)
                .map(QuestionResult.OptionResult::variant)
                .toList();
    }
}
