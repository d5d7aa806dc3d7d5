package sdlab.chapters.repl.failover;

import java.util.List;
import java.util.stream.IntStream;
import sdlab.core.NodeId;

/**
 * Who is in chapter 12's world: the primary p and replicas r1 and r2, each on a host whose kernel answers the store's
 * port ({@code p.port}, ...), a lease service, a failover manager, and the writing clients c0, c1, ...
 */
final class FailoverCluster {
    static final NodeId PRIMARY = NodeId.of("p");
    static final NodeId R1 = NodeId.of("r1");
    static final NodeId R2 = NodeId.of("r2");
    static final List<NodeId> NODES = List.of(PRIMARY, R1, R2);
    static final NodeId LEASE = NodeId.of("lease");
    static final NodeId MANAGER = NodeId.of("manager");
    /** The nodes whose clocks drift: every store node and the lease service, whose clocks time the lease. */
    static final List<NodeId> CLOCKS = List.of(PRIMARY, R1, R2, LEASE);

    private FailoverCluster() {}

    /** The host's kernel of store node {@code node}: what a port check talks to. */
    static NodeId port(NodeId node) {
        return NodeId.of(node.name() + ".port");
    }

    static List<NodeId> clients(int writers) {
        return IntStream.range(0, writers).mapToObj(i -> NodeId.of("c" + i)).toList();
    }
}
