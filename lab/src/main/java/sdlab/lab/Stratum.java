package sdlab.lab;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A property that each seed draws, by which a report splits its figures: chapter 12's fault (crash, long pause, zone
 * split, ...). Every metric is then tallied per variant and per value of the property as well as per variant, so that
 * a reader sees, say, which faults the missed failovers came from, without grouping the seeds by hand.
 *
 * <p>The values are declared up front, in the order reports show them: that keeps a report's strata the same from one
 * run to the next (a value no seed drew is shown with 0 seeds rather than left out), bounds what a sweep keeps
 * whatever its seed count, and lets the sweep refuse a run that names a value the experiment never declared.
 *
 * @param name what the property is, one word as a table heading shows it ({@code fault})
 * @param values every value a run may set with {@link SeedRun.Builder#stratum}, in report order
 */
public record Stratum(String name, List<String> values) {
    /** Values beyond this would make a stratum a per-seed label rather than a category, and tallies grow with it. */
    public static final int VALUES_MAX = 64;

    public Stratum {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a stratum name is one word, got '" + name + "'");
        }
        if (values.isEmpty() || values.size() > VALUES_MAX) {
            throw new IllegalArgumentException(
                    "a stratum has 1 to " + VALUES_MAX + " values, " + name + " has " + values.size());
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("stratum " + name + " names a value twice: " + values);
        }
    }
}
