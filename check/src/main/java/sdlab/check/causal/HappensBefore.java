package sdlab.check.causal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * A happens-before graph over a history's operations, and each operation's causal past restricted
 * to writes, computed once in topological order (Kahn). Operations on a cycle, or after one, get
 * no complete past: {@link #ordered} is false for them, and {@link #onCycle} tells the two apart.
 */
final class HappensBefore {
    private final int size;
    private final List<List<Integer>> successors = new ArrayList<>();
    private final int[] writeIndex;
    private BitSet[] pastWrites;
    private boolean[] unordered;

    /** A graph over operations 0..size-1; {@code writeIndex[op]} numbers writes 0.., else -1. */
    HappensBefore(int size, int[] writeIndex) {
        this.size = size;
        this.writeIndex = writeIndex;
        for (int i = 0; i < size; i++) {
            successors.add(new ArrayList<>());
        }
    }

    void edge(int from, int to) {
        successors.get(from).add(to);
    }

    /** Computes every operation's causal past (the writes that happen before it). */
    void close() {
        int[] indegree = new int[size];
        successors.forEach(next -> next.forEach(to -> indegree[to]++));
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < size; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        pastWrites = new BitSet[size];
        unordered = new boolean[size];
        for (int i = 0; i < size; i++) {
            pastWrites[i] = new BitSet();
            unordered[i] = true;
        }
        while (!ready.isEmpty()) {
            int op = ready.poll();
            unordered[op] = false;
            for (int to : successors.get(op)) {
                pastWrites[to].or(pastWrites[op]);
                if (writeIndex[op] >= 0) {
                    pastWrites[to].set(writeIndex[op]);
                }
                if (--indegree[to] == 0) {
                    ready.add(to);
                }
            }
        }
    }

    /** The writes (by write index) that happen before {@code op}. */
    BitSet pastWrites(int op) {
        return pastWrites[op];
    }

    /** True if {@code op}'s causal past is complete: it is neither on nor after a cycle. */
    boolean ordered(int op) {
        return !unordered[op];
    }

    /** True if {@code op} happens before itself. Only meaningful, and only cheap, for unordered ops. */
    boolean onCycle(int op) {
        BitSet seen = new BitSet(size);
        Deque<Integer> todo = new ArrayDeque<>(successors.get(op));
        while (!todo.isEmpty()) {
            int next = todo.pop();
            if (next == op) {
                return true;
            }
            if (unordered[next] && !seen.get(next)) {
                seen.set(next);
                todo.addAll(successors.get(next));
            }
        }
        return false;
    }
}
