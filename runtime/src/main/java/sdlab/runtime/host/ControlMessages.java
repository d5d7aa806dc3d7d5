package sdlab.runtime.host;

import java.util.List;
import java.util.Map;
import sdlab.runtime.net.NetworkFaults;

/**
 * What an operator's tool says to a running node, on the node's own port: ask how it is, and
 * set the network faults its transport applies. The node answers on the same connection.
 */
public final class ControlMessages {
    private ControlMessages() {}

    /** The root of the control family. */
    public sealed interface Control permits Request, Reply {}

    public sealed interface Request extends Control permits StatusRequest, SetFaults {}

    public sealed interface Reply extends Control permits Status, FaultsSet {}

    /** Asks a node how it is. */
    public record StatusRequest(long requestId) implements Request {}

    /**
     * How a node is.
     *
     * @param restarted whether this life found the files of an earlier one
     * @param connectedPeers the peers its links are connected to now
     * @param framesReceivedFrom frames received from each sender (nodes, clients and operators)
     * @param framesDropped frames dropped by faults, by a full connection, or for want of a route
     * @param serving whether the process has opened everything it serves clients on (its front door, if its
     *     mechanism has one): a node whose peers are connected may still be opening its client port
     */
    public record Status(
            long requestId,
            String node,
            long pid,
            boolean restarted,
            long uptimeMillis,
            List<String> connectedPeers,
            NetworkFaults faults,
            long framesSent,
            long framesReceived,
            Map<String, Long> framesReceivedFrom,
            long framesDropped,
            boolean serving)
            implements Reply {}

    /** Replaces the node's network faults. */
    public record SetFaults(long requestId, NetworkFaults faults) implements Request {}

    /** The faults are in force. */
    public record FaultsSet(long requestId) implements Reply {}
}
