package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.kv.causal.CausalMessages.ClientRequest;

/**
 * Client requests whose context (version token) this replica has not applied yet: held until it
 * has, or until their time is up. Bounded: a replica refuses a request it has no room to park.
 */
final class ParkedRequests {
    /** Requests parked at most at once. */
    static final int PARKED_MAX = 1_024;

    /** A parked request, who sent it, and the timer that ends its wait. */
    record Parked(NodeId client, ClientRequest request, TimerId expiry) {}

    private record Key(NodeId client, long requestId) {}

    private final Map<Key, Parked> parked = new LinkedHashMap<>();

    boolean hasRoom() {
        return parked.size() < PARKED_MAX;
    }

    void park(Parked request) {
        parked.put(new Key(request.client(), request.request().requestId()), request);
    }

    /** Removes and returns the requests whose context {@code store} now covers, in arrival order. */
    List<Parked> takeServable(VisibleStore store) {
        List<Parked> servable = new ArrayList<>();
        for (Iterator<Parked> requests = parked.values().iterator(); requests.hasNext(); ) {
            Parked request = requests.next();
            if (store.covers(request.request().context())) {
                servable.add(request);
                requests.remove();
            }
        }
        return servable;
    }

    /** Removes the request whose wait ended; null if it was served meanwhile. */
    Parked expire(NodeId client, long requestId) {
        return parked.remove(new Key(client, requestId));
    }
}
