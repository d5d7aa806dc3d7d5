package sdlab.check.txn;

import java.util.Arrays;

/**
 * Collects dependency edges in flat arrays (a million transactions make tens of millions of
 * edges; objects per edge would not fit), then packs them into a {@link DependencyGraph}.
 * Self-edges are dropped: a transaction never depends on itself.
 */
final class GraphBuilder {
    private final int nodes;
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private byte[] kinds = new byte[1024];
    private int size;

    GraphBuilder(int nodes) {
        this.nodes = nodes;
    }

    void add(int source, int target, int kind) {
        assert source >= 0 && source < nodes && target >= 0 && target < nodes;
        if (source == target) {
            return;
        }
        if (size == from.length) {
            int grown = Math.max(16, size + (size >> 1));
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
            kinds = Arrays.copyOf(kinds, grown);
        }
        from[size] = source;
        to[size] = target;
        kinds[size] = (byte) kind;
        size++;
    }

    /** The edges so far, in compressed rows: targets sorted per source, parallel edges merged into one mask. */
    DependencyGraph build() {
        int[] start = new int[nodes + 1];
        for (int i = 0; i < size; i++) {
            start[from[i] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            start[n + 1] += start[n];
        }
        int[] fill = Arrays.copyOf(start, nodes);
        long[] packed = new long[size]; // target << 8 | kind, so that sorting groups a row's targets
        for (int i = 0; i < size; i++) {
            packed[fill[from[i]]++] = ((long) to[i] << 8) | (kinds[i] & 0xff);
        }
        from = null;
        to = null;
        kinds = null;
        return DependencyGraph.fromRows(nodes, start, packed);
    }
}
