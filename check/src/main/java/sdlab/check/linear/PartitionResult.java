package sdlab.check.linear;

import java.util.List;
import sdlab.check.Verdict;

/**
 * The verdict for one partition (one key) of a linearizability check.
 *
 * @param key the partition's key, or null for a history without keys
 * @param verdict valid, invalid or unknown
 * @param operations the operations checked (ok and unknown; failed operations and unknown reads
 *     are dropped)
 * @param linearization operation ids in linearization order: for a valid partition a witness
 *     (the ok operations and those unknown ones that took effect), otherwise the longest
 *     linearizable prefix the search found
 * @param stateAfter the model's state after {@code linearization}
 * @param unplaced for an invalid partition, the operations that could not be placed after the
 *     prefix: those not in it that were invoked before the first completion it misses; the
 *     first is the operation whose completion could not be passed. Empty otherwise
 * @param steps the search steps taken
 * @param visitedStates the configurations memoised
 * @param unknownReason why the search gave up, for an unknown partition; null otherwise
 */
public record PartitionResult(
        String key,
        Verdict verdict,
        int operations,
        List<Integer> linearization,
        String stateAfter,
        List<Integer> unplaced,
        long steps,
        long visitedStates,
        String unknownReason) {

    public PartitionResult {
        linearization = List.copyOf(linearization);
        unplaced = List.copyOf(unplaced);
    }
}
