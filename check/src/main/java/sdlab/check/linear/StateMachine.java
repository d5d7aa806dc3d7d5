package sdlab.check.linear;

import sdlab.check.history.Operation;

/**
 * One partition's sequential specification, with states encoded as longs so that the search can
 * memoise (linearized set, state) pairs cheaply. Machines whose states are richer than a number
 * (a string, a set, a queue) intern them and hand out their numbers; a machine therefore serves
 * one partition of one check and is not shared.
 */
public interface StateMachine {
    /** The state before any operation. */
    long initialState();

    /**
     * How {@code op} acts: for an ok operation, the transition that also checks its output; for
     * an operation with unknown outcome, the transition in case it took effect (it may also
     * never take effect; the search handles that). Failed operations never reach here.
     *
     * @return the transition, or null if the operation neither changes nor constrains the state
     *     (a read whose outcome is unknown)
     * @throws sdlab.check.history.MalformedHistoryException if the model has no such operation or
     *     its value has the wrong shape
     */
    Transition transition(Operation op);

    /** The state for people, as in reports ("3", "\"x 0 1 y\"", "[1 2]"). */
    String describe(long state);
}
