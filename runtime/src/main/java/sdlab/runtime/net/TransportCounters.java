package sdlab.runtime.net;

import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;

/** What one process's transport did, for status pages and tests. Read and written on the loop. */
public final class TransportCounters {
    long sent;
    long received;
    private final Map<NodeId, Long> receivedFrom = new TreeMap<>();
    long accepted;
    long unroutable;
    long backlogDropped;
    long faultDropped;

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    /** Frames received and passed on, by sender: what shows which directions of a link carry traffic. */
    public Map<NodeId, Long> receivedFrom() {
        return Map.copyOf(receivedFrom);
    }

    void countReceived(NodeId from) {
        received++;
        receivedFrom.merge(from, 1L, Long::sum);
    }

    /** Connections accepted with a valid hello. */
    public long accepted() {
        return accepted;
    }

    /** Frames to a destination with no link and no connection from it (a client that left). */
    public long unroutable() {
        return unroutable;
    }

    /** Frames dropped because a connection's peer was not reading, or a link waited too long. */
    public long backlogDropped() {
        return backlogDropped;
    }

    /** Frames dropped by {@link NetworkFaults}. */
    public long faultDropped() {
        return faultDropped;
    }
}
