package sdlab.check.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.PartitionResult;

/** What each operation was in a check's outcome: placed (and where), unplaced, or neither. */
final class OpRoles {
    /** How the timeline draws an operation. */
    enum Role {
        /** In a witness order or the linearizable prefix of an invalid partition. */
        PLACED,
        /** One of the operations that could not be placed: the violation. */
        UNPLACED,
        /** In an invalid or unknown partition, after the prefix. */
        UNREACHED,
        /** Not part of any search: failed, or an unknown read. */
        IGNORED
    }

    private final Map<Integer, Integer> positionInOrder = new HashMap<>();
    private final Map<Integer, Verdict> partitionVerdict = new HashMap<>();
    private final Set<Integer> unplaced = new HashSet<>();

    OpRoles(LinearizabilityResult result, Iterable<Operation> ops) {
        Map<String, PartitionResult> byKey = new HashMap<>();
        for (PartitionResult p : result.partitions()) {
            byKey.put(p.key(), p);
            for (int i = 0; i < p.linearization().size(); i++) {
                positionInOrder.put(p.linearization().get(i), i + 1);
            }
            unplaced.addAll(p.unplaced());
        }
        for (Operation op : ops) {
            PartitionResult p = byKey.get(op.key());
            partitionVerdict.put(op.id(), p == null ? Verdict.VALID : p.verdict());
        }
    }

    Role role(Operation op) {
        if (unplaced.contains(op.id())) {
            return Role.UNPLACED;
        }
        if (positionInOrder.containsKey(op.id())) {
            return Role.PLACED;
        }
        Verdict verdict = partitionVerdict.get(op.id());
        return verdict == Verdict.VALID || op.status() == Status.FAIL ? Role.IGNORED : Role.UNREACHED;
    }

    /** The 1-based position in its partition's order, or 0. */
    int order(Operation op) {
        return positionInOrder.getOrDefault(op.id(), 0);
    }
}
