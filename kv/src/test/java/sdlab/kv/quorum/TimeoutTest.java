package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.kv.quorum.Fixture.KEY;
import static sdlab.kv.quorum.Fixture.N1;
import static sdlab.kv.quorum.Fixture.N2;
import static sdlab.kv.quorum.Fixture.N3;
import static sdlab.kv.quorum.Fixture.via;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sdlab.core.client.Outcome;

class TimeoutTest {

    @Test
    void aWriteWhoseCoordinatorNeverAnswersIsUnknownNotOk() {
        // The client cannot reach its coordinator at all: it must not invent a result.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2));
        world.cut(via(N1), N1);

        assertThat(world.write(via(N1), KEY, 5L)).isInstanceOf(Outcome.Unknown.class);
        assertThat(world.read(via(N1), KEY)).isInstanceOf(Outcome.Fail.class);
    }

    @Test
    void aWriteWhoseAnswerIsLostIsUnknownAndMayWellHaveBeenApplied() {
        // Only the answer is lost: the write took effect, which is why the client may not call
        // it failed.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2));
        world.cutOneWay(N1, via(N1));

        assertThat(world.write(via(N1), KEY, 5L)).isInstanceOf(Outcome.Unknown.class);
        assertThat(world.read(via(N2), KEY)).isEqualTo(Outcome.ok(5L));
    }

    @Test
    void aCoordinatorWithoutItsQuorumAnswersUnknownForWritesAndFailForReads() {
        // The coordinator reaches no other replica: its own copy is not a quorum, the write is
        // reported unknown (it is on the coordinator's disk), a read fails.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2).withClientTimeoutMs(5_000));
        world.cut(N1, N2);
        world.cut(N1, N3);

        Outcome write = world.write(via(N1), KEY, 5L);
        Outcome read = world.read(via(N1), KEY);
        world.heal();

        assertThat(write).isInstanceOfSatisfying(Outcome.Unknown.class, unknown -> assertThat(unknown.reason())
                .contains("1 of w=2 acks"));
        assertThat(read).isInstanceOf(Outcome.Fail.class);
        assertThat(world.node(N1).localCopy(KEY)).map(Versioned::value).contains(5L);
    }

    @Test
    void aClientTimeoutShorterThanTheCoordinatorsStillNeverReportsOk() {
        // The client gives up first; the coordinator's late answer is ignored.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2).withClientTimeoutMs(50));
        world.cut(N1, N2);
        world.cut(N1, N3);

        long opId = world.invoke(via(N1), QuorumClient.WRITE, KEY, 5L);
        world.runFor(Duration.ofSeconds(1));

        assertThat(world.await(opId)).isInstanceOf(Outcome.Unknown.class);
    }
}
