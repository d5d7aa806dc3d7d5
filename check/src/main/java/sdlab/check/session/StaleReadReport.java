package sdlab.check.session;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link StaleReads#count} found.
 *
 * @param readsChecked reads that completed with a value (the denominator)
 * @param staleReads reads that certainly returned a value older than a write completed before
 *     they began
 * @param staleReadsByKey stale reads per key ("" for a single register); keys without stale
 *     reads are absent; sorted by key
 * @param unexplainedReads reads of a value that no ok or unknown write wrote (not counted as
 *     stale; a different anomaly, such as a read of a failed write)
 * @param examples the first stale reads in order of the reads' invocations, at most {@link
 *     StaleReads#EXAMPLES_MAX}
 */
public record StaleReadReport(
        int readsChecked,
        int staleReads,
        Map<String, Integer> staleReadsByKey,
        int unexplainedReads,
        List<StaleRead> examples) {

    public StaleReadReport {
        staleReadsByKey = Collections.unmodifiableSortedMap(new TreeMap<>(staleReadsByKey));
        examples = List.copyOf(examples);
    }

    /** Stale reads as a fraction of the reads checked (0 when there were none). */
    public double staleFraction() {
        return readsChecked == 0 ? 0.0 : (double) staleReads / readsChecked;
    }
}
