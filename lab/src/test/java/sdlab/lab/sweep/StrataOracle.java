package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import sdlab.lab.Aggregation;
import sdlab.lab.Experiment;
import sdlab.lab.MetricSpec;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.VariantResult;

/**
 * What a stratified report should say, worked out the slow way: every seed run again, grouped by the stratum value it
 * names, and each metric aggregated over its group by plain loops, sharing no code with the tallies. Tests compare a
 * report's strata with it.
 */
final class StrataOracle {
    private final Experiment experiment;
    private final Map<String, List<SeedRun>> runsByValue = new LinkedHashMap<>();

    /** Runs {@code variant} on the {@code seeds} seeds from {@code firstSeed}, grouping the runs by stratum value. */
    StrataOracle(Experiment experiment, Variant variant, long firstSeed, int seeds) {
        this.experiment = experiment;
        experiment.stratum().orElseThrow().values().forEach(value -> runsByValue.put(value, new ArrayList<>()));
        ParamValues values = ParamValues.defaults(experiment.params());
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            SeedRun run = experiment.run(variant, values, seed, RunOptions.lean());
            runsByValue.get(run.stratum().orElseThrow()).add(run);
        }
    }

    /** How many runs named {@code value}. */
    int seeds(String value) {
        return runsByValue.get(value).size();
    }

    /**
     * Every way in which {@code byValue} (each stratum value's figures) and {@code seedsByValue} differ from the runs
     * regrouped here, one line each; empty when they agree.
     */
    List<String> disagreements(Map<String, VariantResult> byValue, Map<String, Integer> seedsByValue) {
        List<String> differences = new ArrayList<>();
        runsByValue.forEach((value, runs) -> {
            if (seedsByValue.getOrDefault(value, -1) != runs.size()) {
                differences.add(value + ": " + seedsByValue.get(value) + " seeds, expected " + runs.size());
            }
            for (MetricSpec metric : experiment.metrics()) {
                double expected = expected(metric.aggregation(), runs);
                double actual = byValue.get(value).metrics().get(metric.name()).doubleValue();
                if (!same(expected, actual)) {
                    differences.add(value + ": " + metric.name() + " " + actual + ", expected " + expected);
                }
            }
        });
        return differences;
    }

    private static boolean same(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        // Means come from exact sums in the tally and from a double loop here: equal to the last few bits.
        return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
    }

    private static double expected(Aggregation aggregation, List<SeedRun> runs) {
        return switch (aggregation) {
            case Aggregation.Sum sum -> total(runs, sum.counter());
            case Aggregation.SeedsWith with ->
                runs.stream().filter(r -> r.counter(with.counter()) > 0).count();
            case Aggregation.Ratio ratio -> {
                long denominator = total(runs, ratio.denominatorCounter());
                yield denominator == 0 ? Double.NaN : (double) total(runs, ratio.numeratorCounter()) / denominator;
            }
            case Aggregation.MeanPerSeed mean -> {
                double sum = 0;
                for (SeedRun run : runs) {
                    sum += run.hasValue(mean.valueOrCounter())
                            ? run.value(mean.valueOrCounter())
                            : run.counter(mean.valueOrCounter());
                }
                yield runs.isEmpty() ? Double.NaN : sum / runs.size();
            }
            case Aggregation.PercentileMs percentile -> {
                Histogram histogram = new Histogram(3);
                runs.forEach(run -> histogram.add(run.histogram(percentile.histogram())));
                if (histogram.getTotalCount() == 0) {
                    yield Double.NaN;
                }
                long nanos = percentile.percentile() >= 100
                        ? histogram.getMaxValue()
                        : histogram.getValueAtPercentile(percentile.percentile());
                yield nanos / 1e6;
            }
        };
    }

    private static long total(List<SeedRun> runs, String counter) {
        return runs.stream().mapToLong(r -> r.counter(counter)).sum();
    }
}
