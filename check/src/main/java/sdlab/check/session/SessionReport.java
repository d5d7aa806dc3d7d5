package sdlab.check.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SessionGuarantees#check} found.
 *
 * @param readsChecked reads that completed with a value
 * @param violations the number of violations per guarantee (every guarantee present, 0 if none)
 * @param examples the first violations of each guarantee, at most {@link
 *     SessionGuarantees#EXAMPLES_MAX} each, in order of guarantee then read
 */
public record SessionReport(int readsChecked, Map<Guarantee, Integer> violations, List<SessionViolation> examples) {

    public SessionReport {
        EnumMap<Guarantee, Integer> all = new EnumMap<>(Guarantee.class);
        for (Guarantee g : Guarantee.values()) {
            all.put(g, violations.getOrDefault(g, 0));
        }
        violations = java.util.Collections.unmodifiableMap(all);
        examples = List.copyOf(examples);
    }

    /** The number of violations of {@code guarantee}. */
    public int count(Guarantee guarantee) {
        return violations.get(guarantee);
    }

    /** True if no guarantee was violated. */
    public boolean holds() {
        return violations.values().stream().allMatch(n -> n == 0);
    }
}
