package sdlab.lab.report;

import java.util.List;
import java.util.Objects;

/**
 * A report's figures split by the property each seed drew ({@link sdlab.lab.Stratum}): for each of its values, every
 * variant's metrics over just the seeds that drew it.
 *
 * @param name the property ({@code fault})
 * @param strata one per declared value, in the experiment's order, including values no seed drew
 */
public record StrataResult(String name, List<StratumResult> strata) {
    public StrataResult {
        Objects.requireNonNull(name, "name");
        strata = List.copyOf(strata);
    }

    /**
     * The figures of the seeds that drew {@code value}.
     *
     * @throws IllegalArgumentException naming the value when the stratum has no such value
     */
    public StratumResult stratum(String value) {
        return strata.stream()
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + name + " '" + value + "' in the report"));
    }
}
