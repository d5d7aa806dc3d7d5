package sdlab.consensus.raft;

import java.util.Set;
import java.util.TreeSet;
import sdlab.core.NodeId;

/** The votes (or pre-votes) one candidacy has gathered, the candidate's own included once it counts. */
final class Votes {
    private final Set<NodeId> granted = new TreeSet<>();
    private final int majority;

    Votes(int majority) {
        this.majority = majority;
    }

    void grant(NodeId voter) {
        granted.add(voter);
    }

    boolean has(NodeId voter) {
        return granted.contains(voter);
    }

    boolean won() {
        return granted.size() >= majority;
    }
}
