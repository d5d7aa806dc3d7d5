package sdlab.check.linear;

import java.util.List;
import sdlab.check.Verdict;

/**
 * The verdict of a linearizability check: invalid if any partition is, else unknown if any
 * partition is, else valid.
 *
 * @param verdict the combined verdict
 * @param model the model's name
 * @param partitions one result per key, in order of the keys' first appearance
 */
public record LinearizabilityResult(Verdict verdict, String model, List<PartitionResult> partitions) {
    public LinearizabilityResult {
        partitions = List.copyOf(partitions);
    }

    /** The partitions with the given verdict. */
    public List<PartitionResult> partitions(Verdict wanted) {
        return partitions.stream().filter(p -> p.verdict() == wanted).toList();
    }

    /** Total search steps over all partitions. */
    public long steps() {
        return partitions.stream().mapToLong(PartitionResult::steps).sum();
    }
}
