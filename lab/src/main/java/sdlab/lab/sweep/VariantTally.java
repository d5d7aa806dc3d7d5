package sdlab.lab.sweep;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import sdlab.lab.Aggregation;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.MergeableState;
import sdlab.lab.report.MergeableState.LatencyBuckets;
import sdlab.lab.report.MergeableState.MetricState;
import sdlab.lab.report.VariantResult;

/**
 * One variant's metrics accumulated seed by seed. Memory stays bounded whatever the seed count: a few numbers per
 * metric and one merged histogram per latency histogram that a percentile reads. Everything it keeps adds up exactly
 * (integer counts, {@link ExactSum}s, histogram counts), so tallies of disjoint seed ranges {@link #absorb merge} into
 * the tally of their union, and the report does not depend on the thread count or on how the seeds were split.
 */
final class VariantTally {
    private static final int HISTOGRAM_DIGITS = 3;

    private final Variant variant;
    private final List<MetricSpec> metrics;
    private final long[] totals; // Sum and SeedsWith: the total; Ratio: the numerator total
    private final long[] denominators; // Ratio only
    private final ExactSum[] sums; // MeanPerSeed only
    private final SeedSpread[] spreads; // every metric but a percentile: for its standard error
    private boolean spreadKnown = true; // false once restored from a state written without spreads
    private final Map<String, Histogram> histograms = new LinkedHashMap<>(); // by the histogram's name
    private int seeds;

    VariantTally(Variant variant, List<MetricSpec> metrics) {
        this.variant = variant;
        this.metrics = List.copyOf(metrics);
        this.totals = new long[metrics.size()];
        this.denominators = new long[metrics.size()];
        this.sums = new ExactSum[metrics.size()];
        Arrays.fill(sums, ExactSum.ZERO);
        this.spreads = new SeedSpread[metrics.size()];
        Arrays.fill(spreads, SeedSpread.ZERO);
        for (MetricSpec metric : metrics) {
            if (metric.aggregation() instanceof Aggregation.PercentileMs percentile) {
                histograms.computeIfAbsent(percentile.histogram(), name -> new Histogram(HISTOGRAM_DIGITS));
            }
        }
    }

    String variantName() {
        return variant.name();
    }

    int seeds() {
        return seeds;
    }

    void add(SeedRun run) {
        seeds++;
        for (int i = 0; i < metrics.size(); i++) {
            switch (metrics.get(i).aggregation()) {
                case Aggregation.Sum sum -> {
                    long count = run.counter(sum.counter());
                    totals[i] += count;
                    spreads[i] = spreads[i].withTerm(count);
                }
                case Aggregation.SeedsWith with -> totals[i] += run.counter(with.counter()) > 0 ? 1 : 0;
                case Aggregation.Ratio ratio -> {
                    long numerator = run.counter(ratio.numeratorCounter());
                    long denominator = run.counter(ratio.denominatorCounter());
                    totals[i] += numerator;
                    denominators[i] += denominator;
                    spreads[i] = spreads[i].withFraction(numerator, denominator);
                }
                case Aggregation.MeanPerSeed mean -> {
                    double value = run.hasValue(mean.valueOrCounter())
                            ? run.value(mean.valueOrCounter())
                            : run.counter(mean.valueOrCounter());
                    sums[i] = sums[i].plus(value);
                    spreads[i] = spreads[i].withTerm(value);
                }
                case Aggregation.PercentileMs percentile -> {
                    // Filled once per histogram below, however many percentiles read it.
                }
            }
        }
        histograms.forEach(run::recordLatenciesInto);
    }

    /** Adds the seeds of {@code other}, a tally of the same variant over other seeds. */
    void absorb(VariantTally other) {
        assert other.variant.name().equals(variant.name()) && other.metrics.equals(metrics);
        seeds += other.seeds;
        for (int i = 0; i < metrics.size(); i++) {
            totals[i] += other.totals[i];
            denominators[i] += other.denominators[i];
            sums[i] = sums[i].plus(other.sums[i]);
            spreads[i] = spreads[i].plus(other.spreads[i]);
        }
        spreadKnown &= other.spreadKnown;
        histograms.forEach((name, histogram) -> histogram.add(other.histograms.get(name)));
    }

    VariantResult result(Map<String, Object> settings) {
        Map<String, Number> values = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            values.put(metrics.get(i).name(), value(i));
            errors.put(metrics.get(i).name(), spreadKnown ? standardError(i) : Double.NaN);
        }
        return new VariantResult(variant.name(), variant.description(), settings, values, errors);
    }

    /**
     * Metric {@code i}'s moments over the seeds, for the error of a difference between variants ({@link PairTally});
     * empty for a percentile, which has no per-seed term, and when the tally was restored without spreads.
     */
    Optional<SeedMoments> moments(int i) {
        if (!spreadKnown) {
            return Optional.empty();
        }
        return switch (metrics.get(i).aggregation()) {
            case Aggregation.Sum sum -> Optional.of(new SeedMoments(ExactSum.ZERO.plus(totals[i]), seeds, spreads[i]));
            // A seed counts 0 or 1, so its square is itself: the squares add up to the count.
            case Aggregation.SeedsWith with ->
                Optional.of(new SeedMoments(
                        ExactSum.ZERO.plus(totals[i]),
                        seeds,
                        new SeedSpread(ExactSum.ZERO.plus(totals[i]), ExactSum.ZERO, ExactSum.ZERO)));
            case Aggregation.Ratio ratio ->
                Optional.of(new SeedMoments(ExactSum.ZERO.plus(totals[i]), denominators[i], spreads[i]));
            case Aggregation.MeanPerSeed mean -> Optional.of(new SeedMoments(sums[i], seeds, spreads[i]));
            case Aggregation.PercentileMs percentile -> Optional.empty();
        };
    }

    private double standardError(int i) {
        return switch (metrics.get(i).aggregation()) {
            case Aggregation.Sum sum -> StandardError.ofTotal(totals[i], spreads[i].squares(), seeds);
            case Aggregation.SeedsWith with -> StandardError.ofSeedCount(totals[i], seeds);
            case Aggregation.Ratio ratio -> StandardError.ofRatio(totals[i], denominators[i], spreads[i], seeds);
            case Aggregation.MeanPerSeed mean -> StandardError.ofMean(sums[i], spreads[i].squares(), seeds);
            // A percentile of the merged histogram has no per-seed term to spread; it gets no interval.
            case Aggregation.PercentileMs percentile -> Double.NaN;
        };
    }

    private Number value(int i) {
        return switch (metrics.get(i).aggregation()) {
            case Aggregation.Sum sum -> totals[i];
            case Aggregation.SeedsWith with -> totals[i];
            case Aggregation.Ratio ratio -> denominators[i] == 0 ? Double.NaN : (double) totals[i] / denominators[i];
            case Aggregation.MeanPerSeed mean -> seeds == 0 ? Double.NaN : sums[i].value() / seeds;
            case Aggregation.PercentileMs percentile ->
                percentileMs(histograms.get(percentile.histogram()), percentile.percentile());
        };
    }

    private static double percentileMs(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        long nanos = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return nanos / 1e6;
    }

    /** What this tally keeps, for a report that other reports can be merged with. */
    MergeableState.VariantState state() {
        Map<String, MetricState> metricStates = new LinkedHashMap<>();
        Map<String, MergeableState.Spread> spreadStates = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            if (spreadKnown && !(metrics.get(i).aggregation() instanceof Aggregation.PercentileMs)) {
                spreadStates.put(
                        metrics.get(i).name(),
                        new MergeableState.Spread(
                                spreads[i].squares().text(),
                                spreads[i].denominatorSquares().text(),
                                spreads[i].crossProducts().text()));
            }
            MetricState metric =
                    switch (metrics.get(i).aggregation()) {
                        case Aggregation.Sum sum -> new MetricState.Total(totals[i]);
                        case Aggregation.SeedsWith with -> new MetricState.Total(totals[i]);
                        case Aggregation.Ratio ratio -> new MetricState.Fraction(totals[i], denominators[i]);
                        case Aggregation.MeanPerSeed mean -> new MetricState.ExactSum(sums[i].text());
                        case Aggregation.PercentileMs percentile -> null; // its histogram is the state
                    };
            if (metric != null) {
                metricStates.put(metrics.get(i).name(), metric);
            }
        }
        Map<String, LatencyBuckets> buckets = new LinkedHashMap<>();
        histograms.forEach((name, histogram) -> buckets.put(name, buckets(histogram)));
        return new MergeableState.VariantState(variant.name(), seeds, metricStates, spreadStates, buckets);
    }

    private static LatencyBuckets buckets(Histogram histogram) {
        Map<Long, Long> counts = new TreeMap<>();
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            counts.put(
                    histogram.lowestEquivalentValue(bucket.getValueIteratedTo()), bucket.getCountAtValueIteratedTo());
        }
        return new LatencyBuckets(new TreeMap<>(counts));
    }

    /**
     * A tally of {@code variant} holding {@code state}. Throws {@link IllegalArgumentException} naming what does not
     * fit when the state was written for other metrics.
     */
    static VariantTally restore(Variant variant, List<MetricSpec> metrics, MergeableState.VariantState state) {
        VariantTally tally = new VariantTally(variant, metrics);
        tally.seeds = state.seeds();
        tally.spreadKnown = restoreSpreads(tally, metrics, state);
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec metric = metrics.get(i);
            if (metric.aggregation() instanceof Aggregation.PercentileMs) {
                continue;
            }
            MetricState saved = state.metrics().get(metric.name());
            switch (metric.aggregation()) {
                case Aggregation.Sum sum ->
                    tally.totals[i] =
                            expect(saved, MetricState.Total.class, metric).total();
                case Aggregation.SeedsWith with ->
                    tally.totals[i] =
                            expect(saved, MetricState.Total.class, metric).total();
                case Aggregation.Ratio ratio -> {
                    MetricState.Fraction fraction = expect(saved, MetricState.Fraction.class, metric);
                    tally.totals[i] = fraction.numerator();
                    tally.denominators[i] = fraction.denominator();
                }
                case Aggregation.MeanPerSeed mean ->
                    tally.sums[i] = ExactSum.parse(
                            expect(saved, MetricState.ExactSum.class, metric).text());
                case Aggregation.PercentileMs percentile -> throw new AssertionError("skipped above");
            }
        }
        tally.histograms.forEach((name, histogram) -> {
            LatencyBuckets buckets = state.histograms().get(name);
            if (buckets == null) {
                throw new IllegalArgumentException("variant " + variant.name() + " has no histogram '" + name + "'");
            }
            buckets.countsByValueNanos().forEach(histogram::recordValueWithCount);
        });
        return tally;
    }

    /** Reads the state's spreads into {@code tally}; false when it has none (written before spreads were kept). */
    private static boolean restoreSpreads(
            VariantTally tally, List<MetricSpec> metrics, MergeableState.VariantState state) {
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec metric = metrics.get(i);
            if (metric.aggregation() instanceof Aggregation.PercentileMs) {
                continue;
            }
            MergeableState.Spread saved = state.spreads().get(metric.name());
            if (saved == null) {
                return false;
            }
            tally.spreads[i] = new SeedSpread(
                    ExactSum.parse(saved.squares()),
                    ExactSum.parse(saved.denominatorSquares()),
                    ExactSum.parse(saved.crossProducts()));
        }
        return true;
    }

    private static <T extends MetricState> T expect(MetricState saved, Class<T> kind, MetricSpec metric) {
        if (!kind.isInstance(saved)) {
            throw new IllegalArgumentException("metric " + metric.name() + " has no "
                    + kind.getSimpleName().toLowerCase(Locale.ROOT) + " state");
        }
        return kind.cast(saved);
    }
}
