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
 */
public record VariantResult(
        String name, String description, Map<String, Object> settings, Map<String, Number> metrics) {
    public VariantResult {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
