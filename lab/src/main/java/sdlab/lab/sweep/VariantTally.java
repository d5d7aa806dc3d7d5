package sdlab.lab.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import sdlab.lab.Aggregation;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.VariantResult;

/**
 * One variant's metrics accumulated seed by seed. Memory stays bounded whatever the seed count: a few numbers per
 * metric and one merged histogram per latency metric. Seeds must be added in seed order because floating-point sums
 * depend on order, and the report must not depend on the thread count.
 */
final class VariantTally {
    private final Variant variant;
    private final List<MetricSpec> metrics;
    private final long[] totals; // Sum and SeedsWith: the total; Ratio: the numerator total
    private final long[] denominators; // Ratio only
    private final double[] sums; // MeanPerSeed only
    private final Histogram[] histograms; // PercentileMs only
    private int seeds;

    VariantTally(Variant variant, List<MetricSpec> metrics) {
        this.variant = variant;
        this.metrics = List.copyOf(metrics);
        this.totals = new long[metrics.size()];
        this.denominators = new long[metrics.size()];
        this.sums = new double[metrics.size()];
        this.histograms = new Histogram[metrics.size()];
    }

    void add(SeedRun run) {
        seeds++;
        for (int i = 0; i < metrics.size(); i++) {
            switch (metrics.get(i).aggregation()) {
                case Aggregation.Sum sum -> totals[i] += run.counter(sum.counter());
                case Aggregation.SeedsWith with -> totals[i] += run.counter(with.counter()) > 0 ? 1 : 0;
                case Aggregation.Ratio ratio -> {
                    totals[i] += run.counter(ratio.numeratorCounter());
                    denominators[i] += run.counter(ratio.denominatorCounter());
                }
                case Aggregation.MeanPerSeed mean ->
                    sums[i] += run.hasValue(mean.valueOrCounter())
                            ? run.value(mean.valueOrCounter())
                            : run.counter(mean.valueOrCounter());
                case Aggregation.PercentileMs percentile -> {
                    if (histograms[i] == null) {
                        histograms[i] = new Histogram(3);
                    }
                    histograms[i].add(run.histogram(percentile.histogram()));
                }
            }
        }
    }

    VariantResult result(Map<String, Object> settings) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            values.put(metrics.get(i).name(), value(i));
        }
        return new VariantResult(variant.name(), variant.description(), settings, values);
    }

    private Number value(int i) {
        return switch (metrics.get(i).aggregation()) {
            case Aggregation.Sum sum -> totals[i];
            case Aggregation.SeedsWith with -> totals[i];
            case Aggregation.Ratio ratio -> denominators[i] == 0 ? Double.NaN : (double) totals[i] / denominators[i];
            case Aggregation.MeanPerSeed mean -> seeds == 0 ? Double.NaN : sums[i] / seeds;
            case Aggregation.PercentileMs percentile -> percentileMs(histograms[i], percentile.percentile());
        };
    }

    private static double percentileMs(Histogram histogram, double percentile) {
        if (histogram == null || histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        long nanos = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return nanos / 1e6;
    }
}
