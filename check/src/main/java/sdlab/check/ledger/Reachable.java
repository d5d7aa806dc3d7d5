package sdlab.check.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The range of balances each account can have if every transfer begun so far applied at most
 * once: from the initial balance minus all possible outgoing amounts to the initial balance plus
 * all possible incoming ones. Advances through the history as reads end.
 */
final class Reachable {
    private final Map<String, Long> initial;
    private final List<Transfer> byInvocation;
    private final Map<String, Long> incoming = new HashMap<>();
    private final Map<String, Long> outgoing = new HashMap<>();
    private final Set<Object> begunIds = new HashSet<>();
    private int next;

    Reachable(Map<String, Long> initial, List<Transfer> possible) {
        this.initial = initial;
        this.byInvocation = new ArrayList<>(possible);
        byInvocation.sort(Comparator.comparingInt(t -> t.op().invokeIndex()));
    }

    /** Counts every transfer invoked before history position {@code position}. */
    void advanceTo(int position) {
        while (next < byInvocation.size() && byInvocation.get(next).op().invokeIndex() < position) {
            Transfer t = byInvocation.get(next++);
            outgoing.merge(t.from(), t.amount(), Long::sum);
            incoming.merge(t.to(), t.amount(), Long::sum);
            begunIds.add(t.id());
        }
    }

    long lowest(String account) {
        return initial.getOrDefault(account, 0L) - outgoing.getOrDefault(account, 0L);
    }

    long highest(String account) {
        return initial.getOrDefault(account, 0L) + incoming.getOrDefault(account, 0L);
    }

    Set<Object> begunIds() {
        return begunIds;
    }
}
