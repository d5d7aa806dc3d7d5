package sdlab.check.linear;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;

/**
 * Linearizability by exhaustion, for small histories: tries every order of the operations that
 * respects real time (an operation may go next unless an unplaced ok operation completed before
 * it was invoked), with every choice of which unknown operations take effect, on a {@link
 * ReferenceModel} with one state per key. No memo, no partitions, no greedy reads: nothing the
 * fast checker's tricks could share a bug with.
 */
final class BruteForceChecker {
    private final List<Operation> ops;
    private final ReferenceModel model;
    private final boolean[] placed;
    private final Map<String, Object> states = new HashMap<>();

    private BruteForceChecker(List<Operation> ops, ReferenceModel model) {
        this.ops = ops.stream().filter(o -> o.status() != Status.FAIL).toList();
        this.model = model;
        this.placed = new boolean[this.ops.size()];
    }

    static boolean linearizable(List<Operation> ops, ReferenceModel model) {
        return new BruteForceChecker(ops, model).search();
    }

    private boolean search() {
        if (allRequiredPlaced()) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (placed[i] || mustWaitFor(op)) {
                continue;
            }
            Object before = states.containsKey(op.key()) ? states.get(op.key()) : model.initialState();
            ReferenceModel.Execution run = model.execute(before, op.process(), op.f(), op.input());
            if (!run.ok() || !outputMatches(op, run)) {
                continue;
            }
            boolean hadKey = states.containsKey(op.key());
            placed[i] = true;
            states.put(op.key(), run.state());
            boolean found = search();
            placed[i] = false;
            if (hadKey) {
                states.put(op.key(), before);
            } else {
                states.remove(op.key());
            }
            if (found) {
                return true;
            }
        }
        return false;
    }

    private boolean outputMatches(Operation op, ReferenceModel.Execution run) {
        return op.status() != Status.OK
                || !model.returnsValue(op.f())
                || model.sameOutput(op.f(), run.output(), op.output());
    }

    private boolean mustWaitFor(Operation candidate) {
        for (int j = 0; j < ops.size(); j++) {
            Operation other = ops.get(j);
            if (!placed[j] && other.status() == Status.OK && other.precedes(candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean allRequiredPlaced() {
        for (int i = 0; i < ops.size(); i++) {
            if (!placed[i] && ops.get(i).status() == Status.OK) {
                return false;
            }
        }
        return true;
    }
}
