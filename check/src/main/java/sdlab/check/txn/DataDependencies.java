package sdlab.check.txn;

import java.util.List;

/**
 * What a workload's inference found: the ww, wr and rw edges it added to the graph, the anomalies
 * that are not cycles, and the reason behind any data edge it added.
 */
interface DataDependencies {
    /** Anomalies found while inferring (aborted and intermediate reads, internal ones, ...). */
    List<Anomaly> anomalies();

    /** Why there is an edge of {@code kind} (ww, wr or rw) from {@code from} to {@code to}: one sentence. */
    String why(int from, int to, int kind);
}
