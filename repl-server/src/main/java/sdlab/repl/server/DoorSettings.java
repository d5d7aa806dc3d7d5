package sdlab.repl.server;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * What every node's door knows of the cluster: the store's nodes in order, where their RESP doors listen, and how
 * the store is configured, for INFO.
 *
 * @param storeNodes the primary at the start, then the replicas (see {@link #respPort} for where each listens)
 * @param respPortBase the first node's RESP port
 * @param modeName the replication mode, as the configuration names it (async, semisync-after-sync, ...)
 * @param acksRequired acknowledgements a commit waits for, in the modes that wait
 * @param semiSyncTimeoutMillis semi-sync's fallback timeout
 * @param bug a planted bug, for the test that shows the crash test can fail; {@link Bug#NONE} otherwise
 */
public record DoorSettings(
        List<NodeId> storeNodes,
        int respPortBase,
        String modeName,
        int acksRequired,
        long semiSyncTimeoutMillis,
        Bug bug) {

    /** Planted bugs of the door. */
    public enum Bug {
        NONE,
        /**
         * SET answers OK as soon as the write is handed to the node, before the node acknowledges the commit: what
         * the client hears no longer waits for the primary's sync or the replicas, whatever the mode.
         */
        ACK_BEFORE_COMMIT
    }

    public DoorSettings {
        storeNodes = List.copyOf(storeNodes);
        Objects.requireNonNull(modeName, "modeName");
        Objects.requireNonNull(bug, "bug");
        if (respPortBase < 1 || respPortBase + storeNodes.size() > 65_535) {
            throw new IllegalArgumentException("the RESP ports must lie between 1 and 65535");
        }
    }

    /**
     * The RESP port of node {@code id}: node nK listens on {@code respPortBase + K - 1}. The cluster numbers its
     * processes n1, n2, ... in order, so the store's nodes get the ports from the base up, and a replica added to the
     * running cluster later (n6 after the lease service n4 and the manager n5) gets its number's port, which every
     * door can name without having heard of it.
     */
    public int respPort(NodeId id) {
        String name = id.name();
        if (!name.matches("n[1-9]\\d{0,3}")) {
            throw new IllegalArgumentException(id + " is not a node of the store");
        }
        return respPortBase + Integer.parseInt(name.substring(1)) - 1;
    }
}
