package sdlab.lab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant's metrics aggregated over all seeds.
 *
 * @param name the variant's name
 * @param description what the variant does
 * @param settings what distinguishes it (values: Integer, Long, Double, Boolean or text)
 * @param metrics metric name to value, in the experiment's metric order: a Long for sums and seed counts, a Double
 *     otherwise; {@code Double.NaN} when undefined (a ratio over zero operations, a percentile of no samples)
 * @param standardErrors metric name to the standard error of its value from the spread over seeds (a 95% confidence
 *     interval is the value plus or minus 1.96 of them); {@code Double.NaN} for a percentile, under two seeds, or
 *     when the report was merged from shards that did not keep spreads
 * @param differenceErrors metric name to, per other variant, the standard error of this variant's value minus the
 *     other's, paired seed by seed (every variant ran on the same seeds); empty for a percentile, with one variant,
 *     and when the report was merged from shards that did not keep the pairs' cross products
 */
public record VariantResult(
        String name,
        String description,
        Map<String, Object> settings,
        Map<String, Number> metrics,
        Map<String, Double> standardErrors,
        Map<String, Map<String, Double>> differenceErrors) {
    public VariantResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        differenceErrors.forEach(
                (metric, errors) -> copy.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(errors))));
        differenceErrors = Collections.unmodifiableMap(copy);
    }

    /** A result without paired errors of differences. */
    public VariantResult(
            String name,
            String description,
            Map<String, Object> settings,
            Map<String, Number> metrics,
            Map<String, Double> standardErrors) {
        this(name, description, settings, metrics, standardErrors, Map.of());
    }

    /** A result without standard errors. */
    public VariantResult(String name, String description, Map<String, Object> settings, Map<String, Number> metrics) {
        this(name, description, settings, metrics, Map.of(), Map.of());
    }

    /** This result with {@code differenceErrors} as its paired errors of differences. */
    public VariantResult withDifferenceErrors(Map<String, Map<String, Double>> differenceErrors) {
        return new VariantResult(name, description, settings, metrics, standardErrors, differenceErrors);
    }

    /** The standard error of {@code metric}'s value, or {@code Double.NaN} when it has none. */
    public double standardError(String metric) {
        return standardErrors.getOrDefault(metric, Double.NaN);
    }

    /** The paired standard error of this variant's {@code metric} minus {@code other}'s, or {@code Double.NaN}. */
    public double differenceError(String metric, String other) {
        return differenceErrors.getOrDefault(metric, Map.of()).getOrDefault(other, Double.NaN);
    }
}
