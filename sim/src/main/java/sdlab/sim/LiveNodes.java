package sdlab.sim;

import java.util.List;
import java.util.Optional;
import sdlab.core.Node;
import sdlab.core.NodeId;

/**
 * A read-only view of a run's nodes, given to invariants after every event: which nodes the run
 * has, and the live object of each one that is up. An invariant looks, and never acts.
 */
public interface LiveNodes {

    /** Every node of the run (not the clients), in the order they were added. */
    List<NodeId> ids();

    /** The live object of node {@code id}, or empty while it is down. */
    Optional<Node> node(NodeId id);

    /** The virtual time now, in nanoseconds since the run's start. */
    long nowNanos();

    /** How many events the run has processed, counting the one just handled. */
    long eventNumber();
}
