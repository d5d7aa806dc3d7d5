package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;

/**
 * The nodes one operation has contacted so far, in the order it contacted them. An operation
 * contacts N nodes plus a few stand-ins, so a list searched from the front is cheaper than a
 * hash map, and every reply looks its sender up here.
 */
final class TargetSet {
    private final List<Target> targets = new ArrayList<>();

    TargetSet(List<Target> initial) {
        initial.forEach(this::add);
    }

    void add(Target target) {
        assert get(target.node()) == null : "contacted " + target.node() + " twice for one operation";
        targets.add(target);
    }

    boolean contains(NodeId node) {
        return get(node) != null;
    }

    /** The target at {@code node}, or null if the operation did not contact it. */
    Target get(NodeId node) {
        for (Target target : targets) {
            if (target.node().equals(node)) {
                return target;
            }
        }
        return null;
    }

    /** A copy, safe to iterate while adding stand-ins. */
    List<Target> all() {
        return List.copyOf(targets);
    }

    /** The contacted nodes, in contact order (a copy). */
    List<NodeId> nodes() {
        return targets.stream().map(Target::node).toList();
    }

    int size() {
        return targets.size();
    }
}
