package sdlab.check.txn;

import java.util.Arrays;

/**
 * Strongly connected components of a dependency graph restricted to some edge kinds, by
 * Tarjan's algorithm with an explicit stack (a recursive one overflows the thread's stack on a
 * history of a million transactions in one chain). Only components of two or more transactions
 * can hold a cycle (the graph has no self-edges), so only those are numbered.
 */
final class Components {
    private static final int NONE = -1;

    /** Per node: its component's number, or {@link #NONE} for a node in no cycle. */
    final int[] componentOf;
    /** The number of components with a cycle. */
    final int count;

    private Components(int[] componentOf, int count) {
        this.componentOf = componentOf;
        this.count = count;
    }

    boolean inCycle(int node) {
        return componentOf[node] != NONE;
    }

    /** The components of {@code graph} using only edges whose mask shares a bit with {@code kinds}. */
    static Components of(DependencyGraph graph, int kinds) {
        int n = graph.nodes();
        int[] index = new int[n];
        int[] low = new int[n];
        Arrays.fill(index, NONE);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int[] componentOf = new int[n];
        Arrays.fill(componentOf, NONE);
        int next = 0;
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] != NONE) {
                continue;
            }
            int depth = 0;
            index[root] = low[root] = next++;
            stack[stackSize++] = root;
            onStack[root] = true;
            callNode[0] = root;
            callEdge[0] = graph.rowStart(root);
            while (depth >= 0) {
                int v = callNode[depth];
                int e = callEdge[depth];
                if (e < graph.rowEnd(v)) {
                    callEdge[depth]++;
                    if ((graph.mask(e) & kinds) == 0) {
                        continue;
                    }
                    int w = graph.target(e);
                    if (index[w] == NONE) {
                        index[w] = low[w] = next++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = graph.rowStart(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        componentOf[w] = count;
                        size++;
                    } while (w != v);
                    if (size == 1) {
                        componentOf[v] = NONE;
                    } else {
                        count++;
                    }
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return new Components(componentOf, count);
    }

    /** The members of each component, grouped: {@code members[c]} lists component {@code c}'s nodes. */
    int[][] members() {
        int[] sizes = new int[count];
        for (int c : componentOf) {
            if (c != NONE) {
                sizes[c]++;
            }
        }
        int[][] members = new int[count][];
        for (int c = 0; c < count; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[count];
        for (int node = 0; node < componentOf.length; node++) {
            int c = componentOf[node];
            if (c != NONE) {
                members[c][fill[c]++] = node;
            }
        }
        return members;
    }
}
