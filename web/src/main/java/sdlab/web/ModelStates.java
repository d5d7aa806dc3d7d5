package sdlab.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Model;
import sdlab.check.linear.PartitionResult;
import sdlab.check.linear.StateMachine;
import sdlab.check.linear.Transition;

/**
 * The model's state before and after each linearized operation of a check, as Porcupine's page shows them: the
 * check module's own state machine, stepped along the order its search found (a witness for a valid key, the longest
 * linearizable prefix for an invalid one). Nothing is searched here; the order is the checker's.
 */
final class ModelStates {
    /**
     * One linearized operation.
     *
     * @param position its 1-based place in its key's order
     * @param before the model's state before it, as the model describes states
     * @param after the state after it
     */
    record Step(int position, String before, String after) {}

    private ModelStates() {}

    /** Each linearized operation's step, by operation id; operations outside every order are absent. */
    static Map<Integer, Step> of(Model model, List<Operation> ops, LinearizabilityResult result) {
        Map<Integer, Operation> byId = new HashMap<>();
        ops.forEach(op -> byId.put(op.id(), op));
        Map<Integer, Step> steps = new HashMap<>();
        for (PartitionResult partition : result.partitions()) {
            StateMachine machine = model.newStateMachine();
            long state = machine.initialState();
            int position = 0;
            for (int id : partition.linearization()) {
                Transition transition = machine.transition(byId.get(id));
                long after = transition == null ? state : transition.apply(state);
                if (after == Transition.NONE) {
                    // The search's order always applies; should a model disagree with itself, show no more than held.
                    break;
                }
                steps.put(id, new Step(++position, machine.describe(state), machine.describe(after)));
                state = after;
            }
        }
        return steps;
    }
}
