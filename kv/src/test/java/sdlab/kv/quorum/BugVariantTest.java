package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.kv.quorum.Fixture.KEY;
import static sdlab.kv.quorum.Fixture.N1;
import static sdlab.kv.quorum.Fixture.N2;
import static sdlab.kv.quorum.Fixture.N3;
import static sdlab.kv.quorum.Fixture.via;

import org.junit.jupiter.api.Test;
import sdlab.core.client.Outcome;
import sdlab.kv.quorum.QuorumConfig.Bug;

class BugVariantTest {

    @Test
    void ackingAWriteBeforeItsQuorumTellsTheClientOkAboutAWriteThatQuorumReadsMiss() {
        // The coordinator is cut off from both other replicas. The correct store reports the
        // write unknown; the buggy one says ok, yet a read quorum of the other two returns nothing.
        QuorumConfig buggy = Fixture.config(2, 2).withBug(Bug.ACK_WRITE_BEFORE_QUORUM);
        TestWorld world = Fixture.threeNodes(buggy);
        world.cut(N1, N2);
        world.cut(N1, N3);

        assertThat(world.write(via(N1), KEY, 5L)).isEqualTo(Outcome.ok(5L));
        assertThat(world.read(via(N2), KEY)).isEqualTo(Outcome.ok(null));
    }

    @Test
    void readingFromOneReplicaReturnsStaleDataDespiteOverlappingQuorums() {
        // R = W = 2 on paper; the buggy coordinator answers with its own stale copy alone.
        TestWorld correct = Fixture.threeNodes(Fixture.config(2, 2));
        TestWorld buggy = Fixture.threeNodes(Fixture.config(2, 2).withBug(Bug.READ_FROM_ONE));
        for (TestWorld world : new TestWorld[] {correct, buggy}) {
            world.isolate(N1);
            assertThat(world.write(via(N2), KEY, 2L)).isEqualTo(Outcome.ok(2L));
            world.heal();
        }

        assertThat(correct.read(via(N1), KEY)).isEqualTo(Outcome.ok(2L));
        assertThat(buggy.read(via(N1), KEY)).isEqualTo(Outcome.ok(null));
    }
}
