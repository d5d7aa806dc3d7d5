package sdlab.check.txn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lost updates: two committed transactions read the same version of a key and both then wrote
 * that key, so each wrote over a state that did not hold the other's write. Snapshot isolation's
 * first-committer-wins rule exists to stop exactly this. Each (key, version) is reported once.
 */
final class LostUpdates {
    private final TxnText text;
    /** (key, version) -> the first transaction that read it and then wrote the key. */
    private final Map<Long, Integer> firstByVersion = new HashMap<>();

    private final Set<Long> reported = new HashSet<>();

    LostUpdates(TxnText text) {
        this.text = text;
    }

    /**
     * Records that {@code t} read version {@code version} of {@code key} (for a list, its length;
     * for a register, its value, or a sentinel for nil) and then wrote the key; adds an anomaly
     * when another transaction did the same.
     */
    void readThenWrote(Txn t, int key, long version, List<Anomaly> anomalies) {
        long at = ((long) key << 32) ^ version;
        Integer first = firstByVersion.putIfAbsent(at, t.id());
        if (first != null && first != t.id() && reported.add(at)) {
            anomalies.add(Anomaly.of(
                    "lost-update",
                    "both read the same version of key " + text.key(key) + " and then wrote it:\n  " + text.txn(first)
                            + "\n  " + text.txn(t.id()),
                    first,
                    t.id()));
        }
    }

    /** True if {@code t} writes (appends to) {@code key}. */
    static boolean writes(Txn t, int key) {
        return ExternalReads.writes(t, key).length > 0;
    }
}
