package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.core.NodeId;

/** The nodes one operation has contacted so far, in the order it contacted them. */
final class TargetSet {
    private final Map<NodeId, Target> byNode = new LinkedHashMap<>();

    TargetSet(List<Target> initial) {
        initial.forEach(this::add);
    }

    void add(Target target) {
        Target previous = byNode.putIfAbsent(target.node(), target);
        assert previous == null : "contacted " + target.node() + " twice for one operation";
    }

    boolean contains(NodeId node) {
        return byNode.containsKey(node);
    }

    Target get(NodeId node) {
        return byNode.get(node);
    }

    /** A copy, safe to iterate while adding stand-ins. */
    List<Target> all() {
        return new ArrayList<>(byNode.values());
    }

    Set<NodeId> nodes() {
        return Collections.unmodifiableSet(byNode.keySet());
    }

    int size() {
        return byNode.size();
    }
}
