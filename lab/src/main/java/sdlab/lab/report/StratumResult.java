package sdlab.lab.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seeds that drew one value of a report's stratum (chapter 12's "crash"), and each variant's metrics over them,
 * aggregated as the whole report's are (a mean is per seed of this stratum, a seed count counts its seeds).
 *
 * @param value the stratum's value
 * @param seedsByVariant per variant, in report order, how many of its runs drew this value
 * @param variants per variant, its metrics and standard errors over those runs
 */
public record StratumResult(String value, Map<String, Integer> seedsByVariant, List<VariantResult> variants) {
    public StratumResult {
        Objects.requireNonNull(value, "value");
        seedsByVariant = Collections.unmodifiableMap(new LinkedHashMap<>(seedsByVariant));
        variants = List.copyOf(variants);
    }

    /** How many of {@code variant}'s runs drew this value; 0 for a variant the report does not have. */
    public int seeds(String variant) {
        return seedsByVariant.getOrDefault(variant, 0);
    }

    /**
     * The aggregated value of {@code metric} for {@code variant} over this stratum's seeds.
     *
     * @throws IllegalArgumentException naming the variant or metric the stratum does not have
     */
    public double metric(String variant, String metric) {
        VariantResult result = variants.stream()
                .filter(v -> v.name().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + variant + "' in stratum " + value));
        Number number = result.metrics().get(metric);
        if (number == null) {
            throw new IllegalArgumentException("no metric '" + metric + "' for " + variant + " in stratum " + value);
        }
        return number.doubleValue();
    }
}
