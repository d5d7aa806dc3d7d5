package sdlab.check.linear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.core.history.History;

/**
 * Checks that a history is linearizable (Herlihy and Wing 1990) with respect to a {@link Model}:
 * that every ok operation, and any of the unknown ones, can be given a point between its
 * invocation and completion at which it took effect, such that the model, applying them in that
 * order, returns what the history says. Failed operations are dropped; unknown ones may take
 * effect at any time after their invocation, or never.
 *
 * <p>Operations are partitioned by key and each key is searched alone, in segments cut at
 * quiescent points ({@link PartitionSearch}, {@link WglSearch}). A pure function of the history
 * and the limits; deterministic.
 */
public final class Linearizability {
    private Linearizability() {}

    /**
     * Checks {@code history} against {@code model} within {@code limits}.
     *
     * @throws sdlab.check.history.MalformedHistoryException if the history cannot be paired or
     *     holds operations the model does not know
     */
    public static LinearizabilityResult check(History history, Model model, CheckLimits limits) {
        return check(Operations.of(history), model, limits);
    }

    /** Checks already paired operations (as {@link Operations#of} returns them). */
    public static LinearizabilityResult check(List<Operation> ops, Model model, CheckLimits limits) {
        Budget budget = new Budget(limits);
        List<PartitionResult> results = new ArrayList<>();
        Verdict verdict = Verdict.VALID;
        for (Map.Entry<String, List<Operation>> partition : byKey(ops).entrySet()) {
            StateMachine machine = model.newStateMachine();
            PartitionHistory history = PartitionHistory.of(partition.getKey(), partition.getValue(), machine);
            PartitionResult result = new PartitionSearch(history, budget).run();
            results.add(result);
            verdict = verdict.and(result.verdict());
        }
        return new LinearizabilityResult(verdict, model.name(), results);
    }

    private static Map<String, List<Operation>> byKey(List<Operation> ops) {
        Map<String, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : ops) {
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
        }
        return byKey;
    }
}
