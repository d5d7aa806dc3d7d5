package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Aggregation;
import sdlab.lab.MetricSpec;
import sdlab.lab.SeedRun;
import sdlab.lab.Variant;
import sdlab.lab.report.MergeableState;

/**
 * The cross products, seed by seed, between every two variants' per-seed terms of every metric that has one. Every
 * variant runs on the same seeds, and a seed that makes one variant lose more messages tends to make the others lose
 * more too; the error of a difference between two variants is then smaller than their two errors added in quadrature.
 * With each variant's own moments these sums give it exactly (a paired comparison), and like every other tally they
 * only add up, so shards merge into the one-run figures. Memory: a few sums per metric and pair of variants.
 */
final class PairTally {
    private final List<MetricSpec> metrics;
    private final List<Integer> termMetrics; // indices of the metrics that have a per-seed term
    private final int variantCount;
    private final ProductSum[][][] sums; // [pair][term metric][numerators, num x den, den x num, denominators]

    PairTally(List<MetricSpec> metrics, int variantCount) {
        this.metrics = List.copyOf(metrics);
        List<Integer> withTerms = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            if (SeedTerm.exists(metrics.get(i))) {
                withTerms.add(i);
            }
        }
        this.termMetrics = List.copyOf(withTerms);
        this.variantCount = variantCount;
        this.sums = new ProductSum[variantCount * (variantCount - 1) / 2][termMetrics.size()][];
        for (ProductSum[][] pair : sums) {
            for (int t = 0; t < termMetrics.size(); t++) {
                pair[t] = new ProductSum[isRatio(metrics.get(termMetrics.get(t))) ? 4 : 1];
                for (int c = 0; c < pair[t].length; c++) {
                    pair[t][c] = new ProductSum();
                }
            }
        }
    }

    /** Adds one seed: every variant's run on it, in variant order. */
    void add(List<SeedRun> runs) {
        assert runs.size() == variantCount;
        SeedTerm[][] terms = new SeedTerm[variantCount][termMetrics.size()];
        for (int v = 0; v < variantCount; v++) {
            for (int t = 0; t < termMetrics.size(); t++) {
                terms[v][t] = SeedTerm.of(metrics.get(termMetrics.get(t)), runs.get(v));
            }
        }
        int pair = 0;
        for (int a = 0; a < variantCount; a++) {
            for (int b = a + 1; b < variantCount; b++, pair++) {
                for (int t = 0; t < termMetrics.size(); t++) {
                    ProductSum[] cross = sums[pair][t];
                    SeedTerm first = terms[a][t];
                    SeedTerm second = terms[b][t];
                    cross[0].add(first.numerator(), second.numerator());
                    if (cross.length == 4) {
                        cross[1].add(first.numerator(), second.denominator());
                        cross[2].add(first.denominator(), second.numerator());
                        cross[3].add(first.denominator(), second.denominator());
                    }
                }
            }
        }
    }

    /** Adds the seeds of {@code other}, a tally of the same variants and metrics over other seeds. */
    void absorb(PairTally other) {
        for (int pair = 0; pair < sums.length; pair++) {
            for (int t = 0; t < termMetrics.size(); t++) {
                for (int c = 0; c < sums[pair][t].length; c++) {
                    sums[pair][t][c].add(other.sums[pair][t][c].sum());
                }
            }
        }
    }

    /**
     * Per variant (in order), per metric, per other variant: the standard error of this variant's figure minus the
     * other's, paired by seed. {@code Double.NaN} where a variant's own moments are unknown or too few seeds ran.
     */
    List<Map<String, Map<String, Double>>> differenceErrors(List<VariantTally> tallies, int seeds) {
        List<Map<String, Map<String, Double>>> errors = new ArrayList<>();
        for (int v = 0; v < variantCount; v++) {
            Map<String, Map<String, Double>> byMetric = new LinkedHashMap<>();
            for (int t : termMetrics) {
                byMetric.put(metrics.get(t).name(), new LinkedHashMap<>());
            }
            errors.add(byMetric);
        }
        int pair = 0;
        for (int a = 0; a < variantCount; a++) {
            for (int b = a + 1; b < variantCount; b++, pair++) {
                for (int t = 0; t < termMetrics.size(); t++) {
                    MetricSpec metric = metrics.get(termMetrics.get(t));
                    double error = error(metric, tallies.get(a), tallies.get(b), cross(pair, t), termMetrics.get(t));
                    errors.get(a).get(metric.name()).put(tallies.get(b).variantName(), error);
                    errors.get(b).get(metric.name()).put(tallies.get(a).variantName(), error);
                }
            }
        }
        return errors;
    }

    private static double error(MetricSpec metric, VariantTally a, VariantTally b, CrossMoments cross, int index) {
        Optional<SeedMoments> first = a.moments(index);
        Optional<SeedMoments> second = b.moments(index);
        if (first.isEmpty() || second.isEmpty()) {
            return Double.NaN;
        }
        return StandardError.ofDifference(metric.aggregation(), first.get(), second.get(), cross, a.seeds());
    }

    private CrossMoments cross(int pair, int t) {
        ProductSum[] c = sums[pair][t];
        return c.length == 4
                ? new CrossMoments(c[0].sum(), c[1].sum(), c[2].sum(), c[3].sum())
                : new CrossMoments(c[0].sum(), ExactSum.ZERO, ExactSum.ZERO, ExactSum.ZERO);
    }

    /** What this tally keeps, pair by pair in variant order, for a report that others can be merged with. */
    List<MergeableState.PairState> state(List<Variant> variants) {
        List<MergeableState.PairState> pairs = new ArrayList<>();
        int pair = 0;
        for (int a = 0; a < variantCount; a++) {
            for (int b = a + 1; b < variantCount; b++, pair++) {
                Map<String, MergeableState.Cross> byMetric = new LinkedHashMap<>();
                for (int t = 0; t < termMetrics.size(); t++) {
                    CrossMoments c = cross(pair, t);
                    byMetric.put(
                            metrics.get(termMetrics.get(t)).name(),
                            new MergeableState.Cross(
                                    c.numerators().text(),
                                    c.firstNumeratorSecondDenominator().text(),
                                    c.firstDenominatorSecondNumerator().text(),
                                    c.denominators().text()));
                }
                pairs.add(new MergeableState.PairState(
                        variants.get(a).name(), variants.get(b).name(), byMetric));
            }
        }
        return pairs;
    }

    /**
     * The tally {@code saved} describes, or empty when it has no pairs (a state written before they were kept, whose
     * report then gives no paired errors). Throws {@link IllegalArgumentException} naming what does not fit.
     */
    static Optional<PairTally> restore(
            List<Variant> variants, List<MetricSpec> metrics, List<MergeableState.PairState> saved) {
        PairTally tally = new PairTally(metrics, variants.size());
        if (saved.isEmpty()) {
            return tally.sums.length == 0 ? Optional.of(tally) : Optional.empty();
        }
        if (saved.size() != tally.sums.length) {
            throw new IllegalArgumentException(
                    "it has " + saved.size() + " pairs of variants, the experiment " + tally.sums.length);
        }
        int pair = 0;
        for (int a = 0; a < variants.size(); a++) {
            for (int b = a + 1; b < variants.size(); b++, pair++) {
                MergeableState.PairState state = saved.get(pair);
                if (!state.first().equals(variants.get(a).name())
                        || !state.second().equals(variants.get(b).name())) {
                    throw new IllegalArgumentException("pair " + (pair + 1) + " is " + state.first() + " and "
                            + state.second() + ", expected " + variants.get(a).name() + " and "
                            + variants.get(b).name());
                }
                for (int t = 0; t < tally.termMetrics.size(); t++) {
                    String name = metrics.get(tally.termMetrics.get(t)).name();
                    MergeableState.Cross cross = state.metrics().get(name);
                    if (cross == null) {
                        throw new IllegalArgumentException("pair " + state.first() + " and " + state.second()
                                + " has no cross products of metric " + name);
                    }
                    ProductSum[] sums = tally.sums[pair][t];
                    sums[0].add(ExactSum.parse(cross.numerators()));
                    if (sums.length == 4) {
                        sums[1].add(ExactSum.parse(cross.firstNumeratorSecondDenominator()));
                        sums[2].add(ExactSum.parse(cross.firstDenominatorSecondNumerator()));
                        sums[3].add(ExactSum.parse(cross.denominators()));
                    }
                }
            }
        }
        return Optional.of(tally);
    }

    private static boolean isRatio(MetricSpec metric) {
        return metric.aggregation() instanceof Aggregation.Ratio;
    }
}
