package sdlab.kv.quorum;

import java.util.List;
import sdlab.core.NodeId;

/**
 * Three nodes n1..n3 that all replicate every key (n = 3) and three clients c1..c3 pinned to
 * n1..n3, so a test says exactly which node coordinates each operation.
 */
final class Fixture {
    static final List<NodeId> NODES = QuorumCluster.nodeIds(3);
    static final NodeId N1 = NODES.get(0);
    static final NodeId N2 = NODES.get(1);
    static final NodeId N3 = NODES.get(2);
    static final List<NodeId> CLIENTS = QuorumCluster.clientIds(3);
    static final String KEY = "k";

    private Fixture() {}

    /** The client pinned to {@code coordinator}. */
    static NodeId via(NodeId coordinator) {
        return CLIENTS.get(NODES.indexOf(coordinator));
    }

    static TestWorld threeNodes(QuorumConfig config) {
        TestWorld world = TestWorld.standard().nodes(NODES, QuorumCluster.nodeFactory(config, NODES));
        for (int i = 0; i < NODES.size(); i++) {
            world.client(CLIENTS.get(i), QuorumCluster.client(config, NODES, NODES.get(i)));
        }
        return world.start();
    }

    /** Config for hand-built scenarios: no read repair unless a test asks for it. */
    static QuorumConfig config(int r, int w) {
        return QuorumConfig.of(3, r, w).withReadRepair(ReadRepair.NONE);
    }
}
