package sdlab.repl;

import sdlab.core.NodeId;

/** What a balancing client reports of each read it completed, for experiments to attribute latency per node. */
public interface ReadRouteObserver {
    /** Reports nothing. */
    ReadRouteObserver NONE = (client, firstTarget, servedBy, invokedNanos, completedNanos, fellBack) -> {};

    /**
     * A read ended with an answer.
     *
     * @param firstTarget the node the balancer chose
     * @param servedBy the node that answered it: {@code firstTarget}, or the primary after a fallback
     * @param fellBack whether {@code firstTarget} refused it (a read-your-writes wait that timed out, a node still
     *     loading) and the primary served it
     */
    void read(
            NodeId client,
            NodeId firstTarget,
            NodeId servedBy,
            long invokedNanos,
            long completedNanos,
            boolean fellBack);
}
