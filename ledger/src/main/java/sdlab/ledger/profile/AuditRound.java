package sdlab.ledger.profile;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One round of an audit's reads: the state most replicas hold, and how many replicas (silent ones included) do not
 * hold it.
 */
record AuditRound(ProfileState common, long divergentReplicas) {

    static AuditRound of(Map<String, ProfileState> replies, int replicas) {
        if (replies.isEmpty()) {
            // No replica answered this round: every one counts as divergent, and the profile shown is the empty one.
            return new AuditRound(ConflictHandling.LAST_WRITER_WINS.empty(), replicas);
        }
        Map<String, Integer> holders = new TreeMap<>();
        Map<String, ProfileState> byCanonical = new TreeMap<>();
        for (ProfileState state : replies.values()) {
            holders.merge(state.canonical(), 1, Integer::sum);
            byCanonical.putIfAbsent(state.canonical(), state);
        }
        String most = holders.entrySet().stream()
                .max(Comparator.comparing(Map.Entry<String, Integer>::getValue))
                .orElseThrow()
                .getKey();
        return new AuditRound(byCanonical.get(most), replicas - holders.get(most));
    }
}
