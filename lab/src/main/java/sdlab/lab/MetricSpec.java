package sdlab.lab;

import java.util.List;
import java.util.Objects;

/**
 * A metric of the report: its name (camelCase with units: {@code latencyMsP99}, {@code staleReads}, {@code
 * availability}), what it means, how it is aggregated over seeds for each variant, and whether it is measured from the
 * running mechanism or derived from cost inputs ({@link Provenance}). The factories make measured metrics; {@link
 * #derivedFrom} marks one derived.
 */
public record MetricSpec(String name, String description, Aggregation aggregation, Provenance provenance) {
    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A measured metric. */
    public MetricSpec(String name, String description, Aggregation aggregation) {
        this(name, description, aggregation, Provenance.MEASURED);
    }

    /**
     * This metric, marked as derived from the cost inputs named (parameters as typed on the command line): its figure
     * is those inputs' prices applied to measured counts, not something the mechanism decided.
     */
    public MetricSpec derivedFrom(String... inputs) {
        return new MetricSpec(name, description, aggregation, new Provenance.Derived(List.of(inputs)));
    }

    /** The counter's total over seeds. */
    public static MetricSpec sum(String name, String description, String counter) {
        return new MetricSpec(name, description, new Aggregation.Sum(counter));
    }

    /** The mean over seeds of a per-seed value (or of a counter if no such value was set). */
    public static MetricSpec meanPerSeed(String name, String description, String valueOrCounter) {
        return new MetricSpec(name, description, new Aggregation.MeanPerSeed(valueOrCounter));
    }

    /** Total numerator over total denominator. */
    public static MetricSpec ratio(
            String name, String description, String numeratorCounter, String denominatorCounter) {
        return new MetricSpec(name, description, new Aggregation.Ratio(numeratorCounter, denominatorCounter));
    }

    /**
     * A latency percentile in milliseconds over all seeds' samples; {@code percentile} 100 is the maximum. Histograms
     * keep three significant digits, and the value reported is the top of the sample's bucket (at most 0.1% above it).
     */
    public static MetricSpec percentileMs(String name, String description, String histogram, double percentile) {
        return new MetricSpec(name, description, new Aggregation.PercentileMs(histogram, percentile));
    }

    /** The number of seeds where the counter was above zero. */
    public static MetricSpec seedsWith(String name, String description, String counter) {
        return new MetricSpec(name, description, new Aggregation.SeedsWith(counter));
    }
}
