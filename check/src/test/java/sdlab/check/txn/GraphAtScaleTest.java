package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The graph algorithms survive shapes that break naive ones. */
class GraphAtScaleTest {
    @Test
    void aCycleThroughHalfAMillionTransactionsIsOneComponentWithoutStackOverflow() {
        // Shows: Tarjan's search is iterative; a recursive one would overflow on a chain this long.
        int n = 500_000;
        GraphBuilder builder = new GraphBuilder(n);
        for (int i = 0; i < n; i++) {
            builder.add(i, (i + 1) % n, Edges.WW);
        }
        DependencyGraph graph = builder.build();

        Components components = Components.of(graph, Edges.ALL);

        assertThat(components.count).isEqualTo(1);
        assertThat(components.inCycle(0) && components.inCycle(n - 1)).isTrue();
        assertThat(Components.of(graph, Edges.RW).count).isZero();
    }

    @Test
    void parallelEdgesMergeIntoOneMask() {
        // Shows: a pair related in several ways is one edge with several kinds.
        GraphBuilder builder = new GraphBuilder(3);
        builder.add(0, 1, Edges.WW);
        builder.add(0, 1, Edges.REALTIME);
        builder.add(1, 1, Edges.WR);

        DependencyGraph graph = builder.build();

        assertThat(graph.edgeCount()).isEqualTo(1);
        assertThat(graph.mask(0, 1)).isEqualTo(Edges.WW | Edges.REALTIME);
    }
}
