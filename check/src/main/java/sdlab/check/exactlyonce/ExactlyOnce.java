package sdlab.check.exactlyonce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.history.History;

/**
 * Checks that each scheduled job run or saga step happened exactly once.
 *
 * <p>A run is an operation named {@code f} (for example {@code run}) whose input identifies what
 * ran: a schedule slot such as {@code "report@2024-05-01T00:00"}, or a saga step such as {@code
 * [order-7 charge]}. An ok run certainly happened, an unknown one may have, a failed one did
 * not. An id that ran ok twice is a duplicate; an expected id that never ran is missed. Unknown
 * runs turn what would be certain into "possible", which makes the verdict unknown rather than
 * a guess. A pure function of the history.
 */
public final class ExactlyOnce {
    private ExactlyOnce() {}

    /**
     * Checks the runs named {@code f} in {@code history} against the ids that should each have
     * run once ({@code expectedIds}; empty to check for duplicates only).
     */
    public static ExactlyOnceReport check(History history, String f, Collection<?> expectedIds) {
        return check(Operations.of(history), f, expectedIds);
    }

    /** Checks already paired operations (as {@link Operations#of} returns them). */
    public static ExactlyOnceReport check(List<Operation> ops, String f, Collection<?> expectedIds) {
        Map<Object, List<Integer>> okRuns = new LinkedHashMap<>();
        Map<Object, Integer> unknownRuns = new LinkedHashMap<>();
        int runs = 0;
        for (Operation op : ops) {
            if (!op.f().equals(f) || op.status() == Status.FAIL) {
                continue;
            }
            runs++;
            if (op.status() == Status.OK) {
                okRuns.computeIfAbsent(op.input(), id -> new ArrayList<>()).add(op.id());
            } else {
                unknownRuns.merge(op.input(), 1, Integer::sum);
            }
        }
        Map<Object, List<Integer>> duplicates = new LinkedHashMap<>();
        List<Object> possibleDuplicates = new ArrayList<>();
        okRuns.forEach((id, opIds) -> {
            if (opIds.size() > 1) {
                duplicates.put(id, List.copyOf(opIds));
            } else if (unknownRuns.containsKey(id)) {
                possibleDuplicates.add(id);
            }
        });
        unknownRuns.forEach((id, count) -> {
            if (!okRuns.containsKey(id) && count > 1) {
                possibleDuplicates.add(id);
            }
        });
        List<Object> missed = new ArrayList<>();
        List<Object> unconfirmed = new ArrayList<>();
        for (Object id : expectedIds) {
            if (!okRuns.containsKey(id)) {
                (unknownRuns.containsKey(id) ? unconfirmed : missed).add(id);
            }
        }
        Verdict verdict = !duplicates.isEmpty() || !missed.isEmpty()
                ? Verdict.INVALID
                : possibleDuplicates.isEmpty() && unconfirmed.isEmpty() ? Verdict.VALID : Verdict.UNKNOWN;
        return new ExactlyOnceReport(verdict, runs, duplicates, possibleDuplicates, missed, unconfirmed);
    }
}
