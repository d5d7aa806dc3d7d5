package sdlab.coord.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;

/**
 * The entries a server proposed for its clients and has not yet seen apply: each numbered within
 * this life of the server, with the connection waiting for it, its bytes (to send again where a
 * node that did not lead refused it, which proves it was not appended) and its deadline.
 */
final class Proposals {
    /** One proposal waiting to apply here. */
    record Waiting(NodeId endpoint, byte[] payload, long deadlineNanos) {}

    private final Map<Long, Waiting> waiting = new LinkedHashMap<>();
    private final Map<Long, Waiting> refused = new LinkedHashMap<>();
    private long made;

    /** A fresh number for a proposal (or for the leader's own decision, which nobody waits for). */
    long nextNumber() {
        return ++made;
    }

    void track(long number, Waiting proposal) {
        waiting.put(number, proposal);
    }

    /** The proposal's entry applied here: nobody waits for it any more. */
    Waiting applied(long number) {
        refused.remove(number);
        return waiting.remove(number);
    }

    /** A node that does not lead refused it: it was not appended, so it may be sent again. */
    void refusedBy(long number) {
        Waiting proposal = waiting.get(number);
        if (proposal != null) {
            refused.put(number, proposal);
        }
    }

    /** The refused proposals, to send again, by number; they count as sent again once returned. */
    Map<Long, Waiting> takeRefused() {
        Map<Long, Waiting> again = new LinkedHashMap<>(refused);
        refused.clear();
        return again;
    }

    /** The connections of every waiting proposal, which are all forgotten. */
    List<NodeId> forgetAll() {
        List<NodeId> endpoints =
                waiting.values().stream().map(Waiting::endpoint).distinct().toList();
        waiting.clear();
        refused.clear();
        return endpoints;
    }

    /** The connections of the proposals past their deadline, which are forgotten. */
    List<NodeId> expire(long nowNanos) {
        List<NodeId> stuck = new ArrayList<>();
        Iterator<Map.Entry<Long, Waiting>> iterator = waiting.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<Long, Waiting> entry = iterator.next();
            if (nowNanos - entry.getValue().deadlineNanos() > 0) {
                iterator.remove();
                refused.remove(entry.getKey());
                stuck.add(entry.getValue().endpoint());
            }
        }
        return stuck;
    }
}
