package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import sdlab.core.NodeId;

/**
 * Configurations of voting members as values: sorted lists without duplicates, so that the same
 * configuration always compares, encodes and prints alike (the wire carries lists, not sets).
 */
final class Members {
    private Members() {}

    /** {@code members} sorted and without duplicates, unmodifiable. */
    static List<NodeId> normalise(List<NodeId> members) {
        Objects.requireNonNull(members, "members");
        members.forEach(member -> Objects.requireNonNull(member, "a member"));
        return List.copyOf(new TreeSet<>(members));
    }

    /** The votes (or acknowledgements) a configuration of {@code size} members needs: a majority of it. */
    static int majority(int size) {
        return size / 2 + 1;
    }

    static List<NodeId> with(List<NodeId> members, NodeId added) {
        List<NodeId> grown = new ArrayList<>(members);
        grown.add(added);
        return normalise(grown);
    }

    static List<NodeId> without(List<NodeId> members, NodeId removed) {
        return members.stream().filter(member -> !member.equals(removed)).toList();
    }
}
