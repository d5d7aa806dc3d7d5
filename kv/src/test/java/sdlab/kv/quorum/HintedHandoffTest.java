package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

class HintedHandoffTest {
    private static final List<NodeId> NODES = QuorumCluster.nodeIds(5);
    private static final String KEY = "cart:42";

    /** Five nodes, n = 3, and one client pinned to each node. */
    private static TestWorld fiveNodes(QuorumConfig config) {
        TestWorld world = TestWorld.standard().nodes(NODES, QuorumCluster.nodeFactory(config, NODES));
        for (NodeId node : NODES) {
            world.client(client(node), QuorumCluster.client(config, NODES, node));
        }
        return world.start();
    }

    private static NodeId client(NodeId node) {
        return NodeId.of("client-of-" + node.name());
    }

    private static List<NodeId> walk(QuorumConfig config) {
        return QuorumCluster.ring(config, NODES).walk(KEY);
    }

    @Test
    void aSloppyWriteGoesToAStandInWhoseHintReachesTheOwnerAfterItRecovers() {
        // An owner is down: the write is acknowledged by the next node on the ring, which keeps
        // a hint and hands the write to the owner once it is back.
        QuorumConfig config = QuorumConfig.of(3, 1, 3).withSloppy(true);
        List<NodeId> walk = walk(config);
        NodeId coordinator = walk.get(0);
        NodeId owner = walk.get(2);
        NodeId standIn = walk.get(3);
        TestWorld world = fiveNodes(config);
        world.crash(owner);

        assertThat(world.write(client(coordinator), KEY, 9L)).isEqualTo(Outcome.ok(9L));
        assertThat(world.node(standIn).hintCount()).isEqualTo(1);

        world.restart(owner);
        assertThat(world.node(owner).localCopy(KEY)).isEmpty();
        world.runFor(Duration.ofMillis(2 * config.handoffIntervalMs()));

        assertThat(world.node(owner).localCopy(KEY)).map(Versioned::value).contains(9L);
        assertThat(world.node(standIn).hintCount()).isZero();
    }

    @Test
    void aStrictQuorumCannotCompleteTheSameWrite() {
        // The control: without sloppiness, W = 3 with an owner down leaves the write unknown.
        QuorumConfig config = QuorumConfig.of(3, 1, 3);
        List<NodeId> walk = walk(config);
        TestWorld world = fiveNodes(config);
        world.crash(walk.get(2));

        assertThat(world.write(client(walk.get(0)), KEY, 9L)).isInstanceOf(Outcome.Unknown.class);
    }

    @Test
    void sloppyQuorumsCanAcknowledgeAWriteThatNoOwnerHasYet() {
        // R + W > N does not help a sloppy quorum: a coordinator cut off from two owners gets its
        // W acks from itself and a stand-in, and a read of the owners misses the write until
        // hinted handoff delivers it.
        QuorumConfig config = QuorumConfig.of(3, 2, 2).withSloppy(true).withReadRepair(ReadRepair.NONE);
        List<NodeId> walk = walk(config);
        NodeId first = walk.get(0);
        NodeId second = walk.get(1);
        NodeId third = walk.get(2);
        NodeId coordinator = walk.get(3);
        TestWorld world = fiveNodes(config);
        world.cut(coordinator, first);
        world.cut(coordinator, second);
        world.cut(coordinator, third);

        assertThat(world.write(client(coordinator), KEY, 9L)).isEqualTo(Outcome.ok(9L));
        world.heal();
        world.cut(first, third);
        assertThat(world.read(client(first), KEY)).isEqualTo(Outcome.ok(null));

        world.heal();
        world.runFor(Duration.ofMillis(2 * config.handoffIntervalMs()));
        assertThat(world.read(client(first), KEY)).isEqualTo(Outcome.ok(9L));
    }
}
