package sdlab.check.txn;

import java.util.Arrays;

/**
 * The dependency graph of a history: one node per transaction, edges in compressed rows
 * ({@code targets[start[n] .. start[n+1])} are node {@code n}'s successors, sorted, each with a
 * mask of {@link Edges} kinds).
 */
public final class DependencyGraph {
    private final int nodes;
    private final int[] start;
    private final int[] targets;
    private final byte[] masks;

    private DependencyGraph(int nodes, int[] start, int[] targets, byte[] masks) {
        this.nodes = nodes;
        this.start = start;
        this.targets = targets;
        this.masks = masks;
    }

    /** Sorts each row of packed {@code target << 8 | kind} edges and merges parallel edges. */
    static DependencyGraph fromRows(int nodes, int[] start, long[] packed) {
        int[] newStart = new int[nodes + 1];
        int[] targets = new int[packed.length];
        byte[] masks = new byte[packed.length];
        int out = 0;
        for (int n = 0; n < nodes; n++) {
            Arrays.sort(packed, start[n], start[n + 1]);
            newStart[n] = out;
            for (int i = start[n]; i < start[n + 1]; i++) {
                int target = (int) (packed[i] >>> 8);
                int kind = (int) (packed[i] & 0xff);
                if (out > newStart[n] && targets[out - 1] == target) {
                    masks[out - 1] |= (byte) kind;
                } else {
                    targets[out] = target;
                    masks[out] = (byte) kind;
                    out++;
                }
            }
        }
        newStart[nodes] = out;
        return new DependencyGraph(nodes, newStart, Arrays.copyOf(targets, out), Arrays.copyOf(masks, out));
    }

    public int nodes() {
        return nodes;
    }

    /** The number of distinct (source, target) pairs. */
    public int edgeCount() {
        return targets.length;
    }

    /** Where node {@code n}'s row starts in {@link #target} and {@link #mask}. */
    int rowStart(int n) {
        return start[n];
    }

    /** Where node {@code n}'s row ends (exclusive). */
    int rowEnd(int n) {
        return start[n + 1];
    }

    int target(int edge) {
        return targets[edge];
    }

    int mask(int edge) {
        return masks[edge];
    }

    /** The kinds of edge from {@code source} to {@code target}, or 0 if there is none. */
    public int mask(int source, int target) {
        int at = Arrays.binarySearch(targets, start[source], start[source + 1], target);
        return at >= 0 ? masks[at] : 0;
    }
}
