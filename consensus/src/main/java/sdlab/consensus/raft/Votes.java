package sdlab.consensus.raft;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import sdlab.core.NodeId;

/**
 * The votes (or pre-votes) one candidacy has gathered, the candidate's own included once it
 * counts. Only members of the candidate's configuration count (thesis §4.1: a candidate needs a
 * majority of the latest configuration in its log).
 */
final class Votes {
    private final Set<NodeId> granted = new TreeSet<>();
    private final List<NodeId> members;

    Votes(List<NodeId> members) {
        this.members = List.copyOf(members);
    }

    void grant(NodeId voter) {
        granted.add(voter);
    }

    boolean has(NodeId voter) {
        return granted.contains(voter);
    }

    boolean won() {
        long counted = granted.stream().filter(members::contains).count();
        return counted >= Members.majority(members.size());
    }
}
