package sdlab.check.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts violations per guarantee and keeps the first few of each as examples. */
final class ViolationLog {
    private final Map<Guarantee, Integer> counts = new EnumMap<>(Guarantee.class);
    private final Map<Guarantee, List<SessionViolation>> examples = new EnumMap<>(Guarantee.class);

    void add(SessionViolation violation) {
        counts.merge(violation.guarantee(), 1, Integer::sum);
        List<SessionViolation> kept = examples.computeIfAbsent(violation.guarantee(), g -> new ArrayList<>());
        kept.add(violation);
        // Keep the earliest reads: checks run process by process, so sort before trimming.
        kept.sort(Comparator.comparingInt(SessionViolation::readId));
        if (kept.size() > SessionGuarantees.EXAMPLES_MAX) {
            kept.remove(kept.size() - 1);
        }
    }

    SessionReport report(int readsChecked) {
        List<SessionViolation> all = new ArrayList<>();
        examples.values().forEach(all::addAll);
        return new SessionReport(readsChecked, counts, all);
    }
}
