package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;

/** Builds the nodes and clients of one Raft cluster from one configuration. */
public final class RaftCluster {
    private RaftCluster() {}

    /** Node ids {@code n1 .. n<count>}. */
    public static List<NodeId> nodeIds(int count) {
        return ids("n", count);
    }

    /** Client ids {@code c1 .. c<count>}. */
    public static List<NodeId> clientIds(int count) {
        return ids("c", count);
    }

    /**
     * Makes any node of a cluster whose bootstrap configuration is {@code members}, at the start
     * and after every restart. A node not among them starts knowing no configuration and waits
     * for a leader that added it (an {@code AddServer}); after a restart the configuration on its
     * disk counts.
     */
    public static NodeFactory nodeFactory(RaftConfig config, List<NodeId> members) {
        List<NodeId> copy = List.copyOf(members);
        return id -> new RaftNode(id, copy, config);
    }

    /** A client of the cluster {@code members}. */
    public static RaftClient client(RaftConfig config, List<NodeId> members) {
        return new RaftClient(config, members);
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
