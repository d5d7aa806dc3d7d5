package sdlab.check.txn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;

/**
 * Process and real-time order between the transactions that may have committed (failed ones
 * are not in the graph).
 *
 * <p>Real time is the order of the history's entries: T1 precedes T2 if T1's completion comes
 * before T2's invocation. All such pairs would be quadratic; instead each transaction gets edges
 * only from the <em>frontier</em> at its invocation: the completed transactions that no other
 * completed transaction follows yet. When a transaction completes, the frontier it was invoked
 * after is behind it, so those leave the frontier and it joins. Every real-time pair is then
 * connected by a path (the transaction that removed T1 from the frontier follows T1 and
 * completed earlier still), and the edges number about the history's length times its
 * concurrency.
 */
final class SessionEdges {
    private SessionEdges() {}

    /**
     * Adds an edge to each transaction from its process's last committed one. A transaction of
     * unknown outcome is a target but never a source: it may take effect at any moment after its
     * invocation, even after the process's next transaction (Jepsen gives the process a new id
     * after an info, but other tools reuse it).
     */
    static void addProcessOrder(List<Txn> txns, GraphBuilder graph) {
        Map<Integer, Integer> lastOkByProcess = new HashMap<>();
        for (Txn t : txns) { // in order of invocation, which within a process is its order
            if (t.failed()) {
                continue;
            }
            Integer previous = t.ok() ? lastOkByProcess.put(t.process(), t.id()) : lastOkByProcess.get(t.process());
            if (previous != null) {
                graph.add(previous, t.id(), Edges.PROCESS);
            }
        }
    }

    /** Adds real-time edges, a transitive reduction of them up to the frontier's size. */
    static void addRealtimeOrder(List<Txn> txns, GraphBuilder graph) {
        long[] events = events(txns);
        int[] frontier = new int[16];
        int frontierSize = 0;
        int[][] frontierAtInvoke = new int[txns.size()][];
        for (long event : events) {
            Txn t = txns.get((int) event);
            if ((int) (event >>> 32) == t.invokeIndex()) { // invocation: remember what it follows
                frontierAtInvoke[t.id()] = Arrays.copyOf(frontier, frontierSize);
                continue;
            }
            int[] before = frontierAtInvoke[t.id()];
            frontierAtInvoke[t.id()] = null;
            for (int predecessor : before) {
                graph.add(predecessor, t.id(), Edges.REALTIME);
            }
            frontierSize = removeAll(frontier, frontierSize, before);
            if (frontierSize == frontier.length) {
                frontier = Arrays.copyOf(frontier, frontierSize * 2);
            }
            frontier[frontierSize++] = t.id();
        }
        // Transactions that never completed follow their frontier but precede nothing.
        for (Txn t : txns) {
            int[] before = frontierAtInvoke[t.id()];
            if (before != null) {
                for (int predecessor : before) {
                    graph.add(predecessor, t.id(), Edges.REALTIME);
                }
            }
        }
    }

    /**
     * Invocations and completions as {@code position << 32 | txn}, in history order (positions
     * are distinct, so an event is an invocation if its position is its transaction's invocation).
     */
    private static long[] events(List<Txn> txns) {
        long[] events = new long[txns.size() * 2];
        int size = 0;
        for (Txn t : txns) {
            if (t.failed()) {
                continue;
            }
            events[size++] = ((long) t.invokeIndex() << 32) | t.id();
            if (t.completeIndex() != Operation.NEVER) {
                events[size++] = ((long) t.completeIndex() << 32) | t.id();
            }
        }
        long[] sorted = Arrays.copyOf(events, size);
        Arrays.sort(sorted);
        return sorted;
    }

    /** Removes from {@code set[0..size)} every member of {@code gone} (both small); returns the new size. */
    private static int removeAll(int[] set, int size, int[] gone) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!contains(gone, set[i])) {
                set[kept++] = set[i];
            }
        }
        return kept;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
