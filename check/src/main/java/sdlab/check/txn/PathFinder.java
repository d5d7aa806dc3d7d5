package sdlab.check.txn;

/**
 * Shortest paths inside one component, by breadth-first search. Its arrays are allocated once
 * and reused across searches (a stamp marks what the current search has seen), since a history
 * with many cycles asks for many paths.
 */
final class PathFinder {
    private final DependencyGraph graph;
    private final int[] parent;
    private final int[] seenStamp;
    private final int[] queue;
    private int stamp;

    PathFinder(DependencyGraph graph) {
        this.graph = graph;
        this.parent = new int[graph.nodes()];
        this.seenStamp = new int[graph.nodes()];
        this.queue = new int[graph.nodes()];
    }

    /**
     * The nodes of a shortest path from {@code start} to {@code goal} over edges of {@code kinds}
     * through nodes of component {@code component} only, start and goal included; null if none.
     */
    int[] path(int start, int goal, int kinds, int[] componentOf, int component) {
        stamp++;
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seenStamp[start] = stamp;
        parent[start] = -1;
        while (head < tail) {
            int v = queue[head++];
            if (v == goal) {
                return trace(goal);
            }
            for (int e = graph.rowStart(v); e < graph.rowEnd(v); e++) {
                int w = graph.target(e);
                if ((graph.mask(e) & kinds) != 0 && seenStamp[w] != stamp && componentOf[w] == component) {
                    seenStamp[w] = stamp;
                    parent[w] = v;
                    queue[tail++] = w;
                }
            }
        }
        return null;
    }

    private int[] trace(int goal) {
        int length = 0;
        for (int v = goal; v != -1; v = parent[v]) {
            length++;
        }
        int[] path = new int[length];
        for (int v = goal, i = length - 1; v != -1; v = parent[v], i--) {
            path[i] = v;
        }
        return path;
    }
}
