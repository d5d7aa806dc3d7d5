package sdlab.check.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;

/**
 * What {@link Ledger#check} found.
 *
 * @param verdict invalid if any invariant broke, else valid
 * @param readsChecked ok reads of balances and of entries
 * @param violations the number of violations per kind (every kind present)
 * @param examples the first violations in history order, at most {@link Ledger#EXAMPLES_MAX}
 */
public record LedgerReport(
        Verdict verdict,
        int readsChecked,
        Map<LedgerViolation.Kind, Integer> violations,
        List<LedgerViolation> examples) {

    public LedgerReport {
        EnumMap<LedgerViolation.Kind, Integer> all = new EnumMap<>(LedgerViolation.Kind.class);
        for (LedgerViolation.Kind kind : LedgerViolation.Kind.values()) {
            all.put(kind, violations.getOrDefault(kind, 0));
        }
        violations = Collections.unmodifiableMap(all);
        examples = List.copyOf(examples);
    }

    public int count(LedgerViolation.Kind kind) {
        return violations.get(kind);
    }
}
