package sdlab.lab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The raw tallies a report was computed from, so that reports of disjoint seed ranges can be merged into exactly the
 * report of one run over all of them ({@code sdlab merge}). Every figure of a report (means, ratios, percentiles,
 * Wilson intervals, verdicts, counterexample and witness seeds) is derived from this state by the same code in a run
 * and in a merge; the state itself only adds up: counts add, exact sums add, histogram buckets add, and the first
 * violation or witness is the one with the lowest seed.
 *
 * @param format the version of this state's layout; a merge refuses states of another format
 * @param definition a fingerprint of the experiment's definition (variants, metrics, claims, question, parameters
 *     and their defaults): shards made by different versions of the experiment are not merged
 * @param onlyVariant the variant a {@code --variant} sweep kept, if any
 * @param paramTexts every parameter's value as the command line writes it, in declaration order
 * @param variants each variant's tally, in report order
 * @param claims each claim's tally, in report order
 * @param pairs per pair of variants (first, second) in report order, the cross products of their per-seed terms that
 *     give the errors of their differences; empty with fewer than two variants, and in a state written before they
 *     were kept (its report then gives no paired errors)
 */
public record MergeableState(
        int format,
        String definition,
        Optional<String> onlyVariant,
        Map<String, String> paramTexts,
        List<VariantState> variants,
        List<ClaimState> claims,
        List<PairState> pairs) {
    /** The layout written now. */
    public static final int FORMAT = 1;

    public MergeableState {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(onlyVariant, "onlyVariant");
        paramTexts = Collections.unmodifiableMap(new LinkedHashMap<>(paramTexts));
        variants = List.copyOf(variants);
        claims = List.copyOf(claims);
        pairs = List.copyOf(pairs);
    }

    /** A state without cross products of pairs of variants. */
    public MergeableState(
            int format,
            String definition,
            Optional<String> onlyVariant,
            Map<String, String> paramTexts,
            List<VariantState> variants,
            List<ClaimState> claims) {
        this(format, definition, onlyVariant, paramTexts, variants, claims, List.of());
    }

    /**
     * One variant's tally.
     *
     * @param name the variant
     * @param seeds how many seeds it ran
     * @param metrics per metric that is not a percentile, its running totals, in metric order
     * @param spreads per metric that is not a percentile, the second moments of its per-seed terms; empty in a state
     *     written before they were kept (its report then gives no standard errors)
     * @param histograms per latency histogram that a percentile metric reads, its merged buckets
     * @param strata when the experiment declares a stratum, per declared value in its order, the tally of this
     *     variant's runs that drew it (of the same variant, with no strata of its own); empty otherwise
     */
    public record VariantState(
            String name,
            int seeds,
            Map<String, MetricState> metrics,
            Map<String, Spread> spreads,
            Map<String, LatencyBuckets> histograms,
            Map<String, VariantState> strata) {
        public VariantState {
            Objects.requireNonNull(name, "name");
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            spreads = Collections.unmodifiableMap(new LinkedHashMap<>(spreads));
            histograms = Collections.unmodifiableMap(new LinkedHashMap<>(histograms));
            strata = Collections.unmodifiableMap(new LinkedHashMap<>(strata));
        }

        /** A tally without strata. */
        public VariantState(
                String name,
                int seeds,
                Map<String, MetricState> metrics,
                Map<String, Spread> spreads,
                Map<String, LatencyBuckets> histograms) {
            this(name, seeds, metrics, spreads, histograms, Map.of());
        }

        /** This tally with {@code strata} as its per-stratum tallies. */
        public VariantState withStrata(Map<String, VariantState> strata) {
            return new VariantState(name, seeds, metrics, spreads, histograms, strata);
        }
    }

    /**
     * The exact sums of squares behind one metric's standard error, as decimals ("NaN" or an infinity if a term was).
     *
     * @param squares the per-seed term (a ratio's numerator) squared, summed over seeds
     * @param denominatorSquares a ratio's per-seed denominator squared, summed; "0" for other metrics
     * @param crossProducts a ratio's per-seed numerator times denominator, summed; "0" for other metrics
     */
    public record Spread(String squares, String denominatorSquares, String crossProducts) {
        public Spread {
            Objects.requireNonNull(squares, "squares");
            Objects.requireNonNull(denominatorSquares, "denominatorSquares");
            Objects.requireNonNull(crossProducts, "crossProducts");
        }
    }

    /**
     * Two variants' cross products over seeds, per metric that has a per-seed term.
     *
     * @param first the variant that comes first in the report
     * @param second the other
     * @param metrics per metric, in metric order, the sums of products of the two variants' per-seed terms
     */
    public record PairState(String first, String second, Map<String, Cross> metrics) {
        public PairState {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /**
     * The exact sums over seeds of products of two variants' per-seed terms of one metric, as decimals ("NaN" or an
     * infinity if a term was).
     *
     * @param numerators the first's term (a ratio's numerator) times the second's
     * @param firstNumeratorSecondDenominator a ratio's first numerator times second denominator; "0" otherwise
     * @param firstDenominatorSecondNumerator a ratio's first denominator times second numerator; "0" otherwise
     * @param denominators a ratio's denominators multiplied; "0" otherwise
     */
    public record Cross(
            String numerators,
            String firstNumeratorSecondDenominator,
            String firstDenominatorSecondNumerator,
            String denominators) {
        public Cross {
            Objects.requireNonNull(numerators, "numerators");
            Objects.requireNonNull(firstNumeratorSecondDenominator, "firstNumeratorSecondDenominator");
            Objects.requireNonNull(firstDenominatorSecondNumerator, "firstDenominatorSecondNumerator");
            Objects.requireNonNull(denominators, "denominators");
        }
    }

    /** The running totals of one metric, by how it is aggregated. */
    public sealed interface MetricState {
        /** A sum of a counter, or a count of seeds. */
        record Total(long total) implements MetricState {}

        /** A ratio of two sums. */
        record Fraction(long numerator, long denominator) implements MetricState {}

        /** A mean per seed: the exact sum of the per-seed values, as a decimal ("NaN" or an infinity if one was). */
        record ExactSum(String text) implements MetricState {
            public ExactSum {
                Objects.requireNonNull(text, "text");
            }
        }
    }

    /**
     * A latency histogram as its non-empty buckets: each bucket's lowest value in nanoseconds and its count. Three
     * significant digits, as every run records; recording each count at its value rebuilds the same histogram.
     *
     * @param countsByValueNanos count per bucket, keyed by the bucket's lowest value
     */
    public record LatencyBuckets(SortedMap<Long, Long> countsByValueNanos) {
        public LatencyBuckets {
            countsByValueNanos = Collections.unmodifiableSortedMap(new TreeMap<>(countsByValueNanos));
        }
    }

    /**
     * One claim's tally.
     *
     * @param name the claim
     * @param seedsChecked seeds on which it was checked
     * @param seedsHolding seeds on which it held
     * @param firstViolation the lowest seed on which it did not hold, with the violation and its variant
     * @param firstHolding the lowest seed on which it held, with what that seed's runs noted and the witness variant
     */
    public record ClaimState(
            String name,
            int seedsChecked,
            int seedsHolding,
            Optional<SeedNote> firstViolation,
            Optional<SeedNote> firstHolding) {
        public ClaimState {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(firstViolation, "firstViolation");
            Objects.requireNonNull(firstHolding, "firstHolding");
        }
    }

    /**
     * A seed a claim's evidence points at.
     *
     * @param seed the seed
     * @param text the violation, or the findings quoted for a witness ("" when the runs noted nothing)
     * @param variant the variant whose run is the evidence
     */
    public record SeedNote(long seed, String text, String variant) {
        public SeedNote {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(variant, "variant");
        }
    }
}
