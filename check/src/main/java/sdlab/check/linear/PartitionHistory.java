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
    /** For a {@link #subset}, each operation's index in the whole partition; else null. */
    final int[] whole;

    private PartitionHistory(String key, StateMachine machine, Operation[] ops, Transition[] transitions, int[] whole) {
        this.key = key;
        this.machine = machine;
        this.ops = ops;
        this.transitions = transitions;
        this.whole = whole;
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
        return new PartitionHistory(
                key, machine, kept.toArray(Operation[]::new), transitions.toArray(Transition[]::new), null);
    }

    /** The partition restricted to the operations {@code chosen} (ascending indices of this one). */
    PartitionHistory subset(int[] chosen) {
        Operation[] someOps = new Operation[chosen.length];
        Transition[] someTransitions = new Transition[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            someOps[i] = ops[chosen[i]];
            someTransitions[i] = transitions[chosen[i]];
        }
        return new PartitionHistory(key, machine, someOps, someTransitions, chosen);
    }

    /**
     * Where the partition can be cut: the first operation of each segment, in order, the first
     * being 0. A cut falls before an invocation at which every ok operation invoked earlier has
     * completed (a quiescent point), so every ok operation before it precedes every operation
     * after it in real time; operations with unknown outcome stay open across cuts. Segments hold
     * at least {@code opsMin} operations, so that long sequential stretches are searched in
     * pieces of useful size.
     */
    int[] segmentStarts(int opsMin) {
        int[] starts = new int[ops.length + 1];
        int count = 0;
        int pendingRequired = 0;
        int segmentStart = 0;
        for (int event : events) {
            int op = opOf(event);
            if (!isInvocation(event)) {
                pendingRequired--;
                continue;
            }
            if (op == 0 || (pendingRequired == 0 && op - segmentStart >= opsMin)) {
                starts[count++] = op;
                segmentStart = op;
            }
            pendingRequired += required[op] ? 1 : 0;
        }
        return Arrays.copyOf(starts, count);
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
