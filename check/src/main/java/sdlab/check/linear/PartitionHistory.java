package sdlab.check.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;

/**
 * One partition's operations, ready for the search: failed operations and unknown reads are
 * gone, every other operation has its compiled transition, and the invocations and completions
 * are merged into one list of events in history order. Operations with unknown outcome have no
 * completion event: they may take effect at any time after their invocation, or never, so they
 * are <i>optional</i>, while ok operations are <i>required</i>.
 *
 * <p>Events are numbered for the search's linked list: operation i's invocation is event 2i, its
 * completion 2i + 1.
 */
final class PartitionHistory {
    final String key;
    final StateMachine machine;
    final Operation[] ops;
    final Transition[] transitions;
    final boolean[] required;
    final int requiredCount;
    /** The events in history order. */
    final int[] events;

    private PartitionHistory(String key, StateMachine machine, List<Operation> kept, List<Transition> transitions) {
        this.key = key;
        this.machine = machine;
        this.ops = kept.toArray(Operation[]::new);
        this.transitions = transitions.toArray(Transition[]::new);
        this.required = new boolean[ops.length];
        int count = 0;
        for (int i = 0; i < ops.length; i++) {
            required[i] = ops[i].status() == Status.OK;
            count += required[i] ? 1 : 0;
        }
        this.requiredCount = count;
        this.events = eventsInOrder(ops);
    }

    /** Builds the partition of {@code ops} (all of one key, in invocation order). */
    static PartitionHistory of(String key, List<Operation> ops, StateMachine machine) {
        List<Operation> kept = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        for (Operation op : ops) {
            if (op.status() == Status.FAIL) {
                continue; // certainly never took effect
            }
            Transition t = machine.transition(op);
            // An unknown operation that cannot change the state cannot matter either.
            if (t == null || (t.readOnly() && op.status() == Status.UNKNOWN)) {
                continue;
            }
            kept.add(op);
            transitions.add(t);
        }
        return new PartitionHistory(key, machine, kept, transitions);
    }

    int size() {
        return ops.length;
    }

    static int opOf(int event) {
        return event >>> 1;
    }

    static boolean isInvocation(int event) {
        return (event & 1) == 0;
    }

    boolean hasCompletion(int op) {
        return required[op];
    }

    private static int[] eventsInOrder(Operation[] ops) {
        // Sort by history position: a position fits in 31 bits, the event number in the low 32.
        long[] keyed = new long[ops.length * 2];
        int n = 0;
        for (int i = 0; i < ops.length; i++) {
            keyed[n++] = ((long) ops[i].invokeIndex() << 32) | (2L * i);
            if (ops[i].status() == Status.OK) {
                keyed[n++] = ((long) ops[i].completeIndex() << 32) | (2L * i + 1);
            }
        }
        long[] sorted = Arrays.copyOf(keyed, n);
        Arrays.sort(sorted);
        int[] events = new int[n];
        for (int i = 0; i < n; i++) {
            events[i] = (int) sorted[i];
        }
        return events;
    }
}
