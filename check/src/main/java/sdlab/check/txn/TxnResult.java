package sdlab.check.txn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;

/**
 * What the transactional checker found in a history.
 *
 * @param model the workload
 * @param transactions the number of transactions
 * @param edges the number of distinct dependency edges (pairs) in the graph
 * @param anomalies every anomaly found, grouped by kind in the order they were found
 * @param ruledOut the consistency models the anomalies rule out, in the order of {@link
 *     ConsistencyModels#all}
 */
public record TxnResult(TxnModel model, int transactions, int edges, List<Anomaly> anomalies, List<String> ruledOut) {
    public TxnResult {
        anomalies = List.copyOf(anomalies);
        ruledOut = List.copyOf(ruledOut);
    }

    /** Valid when nothing was found; never unknown: the search always completes. */
    public Verdict verdict() {
        return anomalies.isEmpty() ? Verdict.VALID : Verdict.INVALID;
    }

    /** How many anomalies of each kind, in the order kinds were first found. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        anomalies.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
        return counts;
    }

    /** True if an anomaly of {@code kind} was found. */
    public boolean has(String kind) {
        return anomalies.stream().anyMatch(a -> a.kind().equals(kind));
    }
}
