package sdlab.repl.server;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * What every node's door knows of the cluster: the store's nodes in order, where their RESP doors listen, and how
 * the store is configured, for INFO.
 *
 * @param storeNodes the primary at the start, then the replicas: node i listens on {@code respPortBase + i}
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

    /** The RESP port of store node {@code id}. */
    public int respPort(NodeId id) {
        int index = storeNodes.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException(id + " is not a node of the store");
        }
        return respPortBase + index;
    }
}
