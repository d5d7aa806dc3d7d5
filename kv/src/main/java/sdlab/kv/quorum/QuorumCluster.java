package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;

/** Builds the nodes and clients of one quorum-store cluster from one configuration. */
public final class QuorumCluster {
    private QuorumCluster() {}

    /** Node ids {@code n1 .. n<count>}. */
    public static List<NodeId> nodeIds(int count) {
        return ids("n", count);
    }

    /** Client ids {@code c1 .. c<count>}. */
    public static List<NodeId> clientIds(int count) {
        return ids("c", count);
    }

    /** The ring every node of a cluster of {@code nodes} shares; clusters of the same nodes share one too. */
    public static HashRing ring(QuorumConfig config, List<NodeId> nodes) {
        if (nodes.size() < config.n()) {
            throw new IllegalArgumentException("n=" + config.n() + " replicas per key need at least " + config.n()
                    + " nodes, got " + nodes.size());
        }
        return RingCache.ring(nodes, config.virtualNodesPerNode());
    }

    /** Makes any node of the cluster, at the start and after every restart. */
    public static NodeFactory nodeFactory(QuorumConfig config, List<NodeId> nodes) {
        HashRing ring = ring(config, nodes);
        return id -> new QuorumNode(id, config, ring);
    }

    /** A client that picks coordinators among {@code nodes} as the configuration says. */
    public static QuorumClient client(QuorumConfig config, List<NodeId> nodes) {
        ring(config, nodes);
        return new QuorumClient(config, nodes);
    }

    /** A client that sends every operation to {@code coordinator}. */
    public static QuorumClient client(QuorumConfig config, List<NodeId> nodes, NodeId coordinator) {
        ring(config, nodes);
        return new QuorumClient(config, nodes, coordinator);
    }

    /** Whether the store can keep {@code value}: null, Long, Integer, String, Boolean or a List of them. */
    public static boolean isStorable(Object value) {
        return TextCodec.isStorable(value);
    }

    private static List<NodeId> ids(String prefix, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(NodeId.of(prefix + i));
        }
        return List.copyOf(ids);
    }
}
