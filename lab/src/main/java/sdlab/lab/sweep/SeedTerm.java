package sdlab.lab.sweep;

import sdlab.lab.Aggregation;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;

/**
 * What one seed contributes to a metric, as the standard errors see it: a ratio's numerator and denominator, and for
 * every other aggregation but a percentile one term (a count, a 0 or 1 for "seeds with", a value) over a denominator
 * of 1. A percentile has no per-seed term.
 *
 * @param numerator the term, or a ratio's numerator
 * @param denominator a ratio's denominator; 1 otherwise
 */
record SeedTerm(double numerator, double denominator) {
    /** The term {@code run} contributes to {@code metric}; throws for a percentile, which has none. */
    static SeedTerm of(MetricSpec metric, SeedRun run) {
        return switch (metric.aggregation()) {
            case Aggregation.Sum sum -> new SeedTerm(run.counter(sum.counter()), 1);
            case Aggregation.SeedsWith with -> new SeedTerm(run.counter(with.counter()) > 0 ? 1 : 0, 1);
            case Aggregation.Ratio ratio ->
                new SeedTerm(run.counter(ratio.numeratorCounter()), run.counter(ratio.denominatorCounter()));
            case Aggregation.MeanPerSeed mean ->
                new SeedTerm(
                        run.hasValue(mean.valueOrCounter())
                                ? run.value(mean.valueOrCounter())
                                : run.counter(mean.valueOrCounter()),
                        1);
            case Aggregation.PercentileMs percentile ->
                throw new IllegalArgumentException("a percentile has no per-seed term: " + metric.name());
        };
    }

    /** Whether {@code metric} has a per-seed term: every aggregation but a percentile. */
    static boolean exists(MetricSpec metric) {
        return !(metric.aggregation() instanceof Aggregation.PercentileMs);
    }
}
