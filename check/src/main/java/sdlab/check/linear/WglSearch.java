package sdlab.check.linear;

import java.util.Arrays;
import sdlab.core.StableHash;

/**
 * The Wing–Gong–Lowe search for one partition, with Lowe's memoisation and Porcupine's linked
 * list of events.
 *
 * <h2>The search</h2>
 *
 * <p>The events (invocations and completions) sit in a doubly linked list in history order.
 * Walking it from the head, every invocation met before the first completion belongs to an
 * operation that no remaining operation precedes in real time, so it may be linearized next.
 * The search tries them in turn: if the model accepts one in the current state and the
 * resulting configuration (set of linearized operations, state) is new, the operation is
 * <i>lifted</i> out of the list (its invocation and its completion, dancing-links style), pushed
 * on a stack, and the walk restarts from the head. Reaching a completion means its operation
 * should have been linearized already: the search pops the last choice, puts it back into the
 * list and tries the next candidate after it. The history is linearizable once every ok
 * operation is linearized; it is not when the stack runs empty.
 *
 * <h2>Memoisation</h2>
 *
 * <p>Whether the rest of the history can be linearized depends only on the configuration, not
 * on the order that led to it (Lowe, "Testing for linearizability", 2017). Every configuration
 * explored is remembered in a {@link VisitedSet}; meeting one again prunes the branch. The set
 * of linearized operations is a bitset; its hash is kept up to date by XOR of a fixed random
 * word per operation (Zobrist hashing), so a lookup costs one hash mix and, usually, one
 * comparison.
 *
 * <h2>Unknown outcomes and reads</h2>
 *
 * <p>Operations whose outcome is unknown have no completion event and are optional: the search
 * may linearize them wherever the model accepts them after their invocation, and never needs
 * to. Reads (transitions that never change the state) are placed greedily: if a read can be
 * linearized now, linearizing it now is never worse than later, since moving a read earlier
 * past operations it does not precede keeps every later step valid. So a read that fits is
 * not a choice point: when its branch fails, the configuration it was added to fails too.
 *
 * <h2>One segment at a time</h2>
 *
 * <p>{@link PartitionSearch} cuts a partition at quiescent points and runs one search per
 * segment and start configuration, so the bitset and the memo stay as small as a segment. The
 * search stops at each <i>end</i>, a configuration where all of the segment's ok operations are
 * linearized, and can be resumed for the next one. Memoisation keeps the ends complete: a
 * configuration met again has had its ends handed out already, and the greedy placing of reads
 * keeps every end reachable.
 *
 * <p>Limits: every step is counted against a shared {@link Budget}, and the memo's size against
 * its memory bound; when either runs out, the answer is unknown.
 */
final class WglSearch {
    /** Where a call to {@link #next} stopped. */
    enum Outcome {
        /** Every ok operation is linearized: {@link #state} and {@link #stackOps} say how. */
        END,
        /** No further configuration linearizes all of the segment's ok operations. */
        EXHAUSTED,
        /** A step, time or memory limit was reached first. */
        OVER_BUDGET
    }

    private static final int END = -1;
    private static final int BACKTRACK = -2;
    private static final int EXHAUSTED = -3;
    private static final int OVER_BUDGET = -4;

    private final PartitionHistory history;
    private final Budget budget;
    private final int head;
    private final int[] next;
    private final int[] prev;
    private final long[] bits;
    private final long[] zobrist;
    private final VisitedSet visited;
    private final long startState;
    private boolean started;
    private final int[] stackEvents;
    private final long[] stackStates;
    private final boolean[] stackForced;
    private long bitsHash;
    private long state;
    private int depth;
    private int requiredLeft;
    private int[] deepest = new int[0];
    private long deepestState;

    WglSearch(PartitionHistory history, long startState, Budget budget) {
        this.history = history;
        this.startState = startState;
        this.budget = budget;
        int n = history.size();
        this.head = 2 * n;
        this.next = new int[2 * n + 1];
        this.prev = new int[2 * n + 1];
        this.bits = new long[Math.max(1, (n + 63) >>> 6)];
        this.zobrist = new long[n];
        for (int i = 0; i < n; i++) {
            zobrist[i] = StableHash.mix(0x9E3779B97F4A7C15L * (i + 1));
        }
        this.visited = new VisitedSet(bits.length);
        this.stackEvents = new int[n];
        this.stackStates = new long[n];
        this.stackForced = new boolean[n];
        link(history.events);
    }

    private void link(int[] events) {
        int last = head;
        for (int event : events) {
            next[last] = event;
            prev[event] = last;
            last = event;
        }
        next[last] = END;
    }

    /**
     * Searches on: the first call from the start state, each later one from where the previous
     * end was found, so that the ends come one at a time and only as many as the next segment
     * needs are ever searched for.
     */
    Outcome next() {
        int entry = started ? backtrack() : start();
        while (entry != EXHAUSTED) {
            if (requiredLeft == 0) {
                noteDeepest();
                return Outcome.END;
            }
            if (!budget.step()) {
                return Outcome.OVER_BUDGET;
            }
            entry = entry != END && PartitionHistory.isInvocation(entry) ? tryPlace(entry) : BACKTRACK;
            if (entry == OVER_BUDGET) {
                return Outcome.OVER_BUDGET;
            }
            if (entry == BACKTRACK) {
                noteDeepest();
                entry = backtrack();
            }
        }
        return Outcome.EXHAUSTED;
    }

    private int start() {
        started = true;
        state = startState;
        deepestState = state;
        requiredLeft = history.requiredCount;
        visited.add(bits, state, hash(state));
        return next[head];
    }

    /** The state at the last end. */
    long state() {
        return state;
    }

    /** The operations linearized at the last end, in order, as indices of this search's history. */
    int[] stackOps() {
        int[] ops = new int[depth];
        for (int i = 0; i < depth; i++) {
            ops[i] = PartitionHistory.opOf(stackEvents[i]);
        }
        return ops;
    }

    /** The bytes this search holds: its memo and its arrays. */
    long bytes() {
        return visited.bytes() + 8L * zobrist.length + 4L * (next.length + prev.length) + 13L * stackEvents.length;
    }

    /**
     * Remembers the stack if it is the deepest yet. Called where the search turns back (and at
     * the end) rather than at every new depth, so that a long straight run copies it once.
     */
    private void noteDeepest() {
        if (depth > deepest.length) {
            deepest = Arrays.copyOf(stackEvents, depth);
            deepestState = state;
        }
    }

    /** Tries to linearize the operation invoked at {@code entry}; returns where to look next. */
    private int tryPlace(int entry) {
        int op = PartitionHistory.opOf(entry);
        Transition transition = history.transitions[op];
        long after = transition.apply(state);
        if (after == Transition.NONE) {
            return next[entry];
        }
        flip(op);
        if (!visited.add(bits, after, hash(after))) {
            flip(op);
            return transition.readOnly() ? BACKTRACK : next[entry];
        }
        if (!budget.fits(bytes())) {
            return OVER_BUDGET;
        }
        stackEvents[depth] = entry;
        stackStates[depth] = state;
        stackForced[depth] = transition.readOnly();
        depth++;
        state = after;
        lift(entry);
        requiredLeft -= history.required[op] ? 1 : 0;
        return next[head];
    }

    /** Undoes choices until one has an untried alternative; returns it, or EXHAUSTED. */
    private int backtrack() {
        while (depth > 0) {
            depth--;
            int entry = stackEvents[depth];
            int op = PartitionHistory.opOf(entry);
            state = stackStates[depth];
            flip(op);
            unlift(entry);
            requiredLeft += history.required[op] ? 1 : 0;
            if (!stackForced[depth]) {
                return next[entry];
            }
        }
        return EXHAUSTED;
    }

    private void lift(int invocation) {
        unlink(invocation);
        if (history.hasCompletion(PartitionHistory.opOf(invocation))) {
            unlink(invocation + 1);
        }
    }

    /** Puts an operation back: the reverse of {@link #lift}, so the links it kept are still right. */
    private void unlift(int invocation) {
        if (history.hasCompletion(PartitionHistory.opOf(invocation))) {
            relink(invocation + 1);
        }
        relink(invocation);
    }

    private void unlink(int event) {
        next[prev[event]] = next[event];
        if (next[event] != END) {
            prev[next[event]] = prev[event];
        }
    }

    private void relink(int event) {
        next[prev[event]] = event;
        if (next[event] != END) {
            prev[next[event]] = event;
        }
    }

    private void flip(int op) {
        bits[op >>> 6] ^= 1L << op;
        bitsHash ^= zobrist[op];
    }

    private long hash(long stateValue) {
        long h = StableHash.mix(bitsHash ^ (stateValue * 0xC2B2AE3D27D4EB4FL));
        return h == 0 ? 1 : h;
    }

    /** The longest run of operations linearized, in order, as indices of this search's history. */
    int[] deepestOps() {
        int[] ops = new int[deepest.length];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = PartitionHistory.opOf(deepest[i]);
        }
        return ops;
    }

    /** The state after {@link #deepestOps}. */
    long deepestState() {
        return deepestState;
    }

    /** The configurations memoised. */
    int visitedStates() {
        return visited.size();
    }
}
