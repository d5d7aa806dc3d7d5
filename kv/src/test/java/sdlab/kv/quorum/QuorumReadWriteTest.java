package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.kv.quorum.Fixture.KEY;
import static sdlab.kv.quorum.Fixture.N1;
import static sdlab.kv.quorum.Fixture.N2;
import static sdlab.kv.quorum.Fixture.N3;
import static sdlab.kv.quorum.Fixture.via;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

class QuorumReadWriteTest {

    static Stream<QuorumConfig> configs() {
        return Stream.of(ReadRepair.values())
                .flatMap(repair -> Stream.of(
                                QuorumConfig.of(3, 2, 2), QuorumConfig.of(3, 1, 1), QuorumConfig.of(3, 3, 1))
                        .map(config -> config.withReadRepair(repair)))
                .flatMap(config -> Stream.of(config, config.withSloppy(true)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void aWriteThenAReadReturnTheValueWithAllNodesUp(QuorumConfig config) {
        // With every node up, any coordinator reads back what another one wrote.
        TestWorld world = Fixture.threeNodes(config);

        assertThat(world.write(via(N1), KEY, 7L)).isEqualTo(Outcome.ok(7L));
        world.runFor(Duration.ofMillis(10));

        assertThat(world.read(via(N2), KEY)).isEqualTo(Outcome.ok(7L));
        assertThat(world.read(via(N3), "never-written")).isEqualTo(Outcome.ok(null));
    }

    static List<NodeId> nodes() {
        return Fixture.NODES;
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void overlappingQuorumsReturnTheLatestCompletedWriteWhileOneReplicaIsCutOff(NodeId missedTheWrite) {
        // R + W > N: a write completes on 2 of 3 replicas; a read of 2 that includes the one
        // that missed it still meets the other, so it returns the write.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2));
        NodeId writer = next(missedTheWrite);
        NodeId cutDuringRead = next(writer);
        assertThat(world.write(via(writer), KEY, 1L)).isEqualTo(Outcome.ok(1L));

        world.isolate(missedTheWrite);
        assertThat(world.write(via(writer), KEY, 2L)).isEqualTo(Outcome.ok(2L));
        world.heal();
        world.cut(cutDuringRead, missedTheWrite);
        world.cut(cutDuringRead, writer);

        assertThat(world.read(via(missedTheWrite), KEY)).isEqualTo(Outcome.ok(2L));
    }

    @Test
    void readsCanBeStaleWhenQuorumsDoNotOverlap() {
        // R = W = 1: the write completes on its coordinator alone; a read answered by another
        // replica alone returns the older value although the write was acknowledged.
        TestWorld world = Fixture.threeNodes(Fixture.config(1, 1));
        assertThat(world.write(via(N3), KEY, 1L)).isEqualTo(Outcome.ok(1L));
        world.runFor(Duration.ofMillis(10));

        world.cut(N3, N1);
        world.cut(N3, N2);
        assertThat(world.write(via(N3), KEY, 2L)).isEqualTo(Outcome.ok(2L));
        world.heal();
        world.cut(N1, N3);

        assertThat(world.read(via(N1), KEY)).isEqualTo(Outcome.ok(1L));
    }

    @Test
    void theSameCutMakesAnOverlappingQuorumRefuseTheWriteInsteadOfServingAStaleRead() {
        // R = W = 2 in the scenario above: the write cannot complete, so nobody is told "ok"
        // about a value that reads will not return; the client hears "unknown".
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2));
        assertThat(world.write(via(N3), KEY, 1L)).isEqualTo(Outcome.ok(1L));
        world.cut(N3, N1);
        world.cut(N3, N2);

        assertThat(world.write(via(N3), KEY, 2L)).isInstanceOf(Outcome.Unknown.class);
    }

    private static NodeId next(NodeId node) {
        List<NodeId> nodes = Fixture.NODES;
        return nodes.get((nodes.indexOf(node) + 1) % nodes.size());
    }
}
