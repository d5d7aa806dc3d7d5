package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a transactional history for isolation anomalies in the style of Elle (Kingsbury and
 * Alvaro, VLDB 2020): infer ww, wr and rw dependencies from the values read (exactly for
 * list-append, partly for rw-register), add process and real-time order, find the cycles and
 * name them after Adya, and say which consistency models they rule out.
 *
 * <p>Steps: the workload's inference ({@link ListAppendInference}, {@link RegisterInference})
 * reports the anomalies that are not cycles and adds the data edges; {@link SessionEdges} adds
 * process and real-time order; {@link CycleSearch} finds and classifies cycles; {@link
 * InternalConsistency} checks each transaction against itself. Every step is linear in the
 * history's size (real time: times its concurrency), apart from the cycle search inside
 * components with cycles.
 */
public final class TxnChecker {
    private final int inferredKinds;

    private TxnChecker(int inferredKinds) {
        this.inferredKinds = inferredKinds;
    }

    /** The checker. */
    public static TxnChecker standard() {
        return new TxnChecker(Edges.ALL);
    }

    /**
     * A checker that infers only the edge kinds in {@code kinds}: for tests that show what a
     * checker misses without some kind (a checker that drops rw edges misses G-single).
     */
    public static TxnChecker inferringOnly(int kinds) {
        return new TxnChecker(kinds);
    }

    /** Checks {@code history}. */
    public TxnResult check(TxnHistory history) {
        TxnText text = new TxnText(history);
        GraphBuilder builder = new GraphBuilder(history.size());
        DataDependencies data = history.model() == TxnModel.LIST_APPEND
                ? new ListAppendInference(history, builder, inferredKinds)
                : new RegisterInference(history, builder, inferredKinds);
        if ((inferredKinds & Edges.PROCESS) != 0) {
            SessionEdges.addProcessOrder(history.txns(), builder);
        }
        if ((inferredKinds & Edges.REALTIME) != 0) {
            SessionEdges.addRealtimeOrder(history.txns(), builder);
        }
        DependencyGraph graph = builder.build();
        List<Anomaly> anomalies = new ArrayList<>();
        InternalConsistency internal = new InternalConsistency(text, history.model());
        for (Txn t : history.txns()) {
            Anomaly a = internal.check(t);
            if (a != null) {
                anomalies.add(a);
            }
        }
        anomalies.addAll(data.anomalies());
        anomalies.addAll(CycleSearch.find(graph, new EdgeReasons(history, data), text));
        List<String> kinds = anomalies.stream().map(Anomaly::kind).toList();
        return new TxnResult(
                history.model(), history.size(), graph.edgeCount(), anomalies, ConsistencyModels.ruledOutBy(kinds));
    }
}
