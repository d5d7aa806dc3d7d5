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

class ReadRepairTest {

    /**
     * A write of 2 that only reached n1 (reported unknown), then a read through n1 and n2 while
     * n3 is cut off, then a read through n3 and n2 while n1 is cut off.
     */
    private static Outcome[] partialWriteThenTwoReads(ReadRepair repair) {
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2).withReadRepair(repair));
        assertThat(world.write(via(N1), KEY, 1L)).isEqualTo(Outcome.ok(1L));
        world.runFor(Duration.ofMillis(10));
        world.cut(N1, N2);
        world.cut(N1, N3);
        assertThat(world.write(via(N1), KEY, 2L)).isInstanceOf(Outcome.Unknown.class);
        world.heal();

        world.isolate(N3);
        Outcome first = world.read(via(N1), KEY);
        world.heal();
        world.isolate(N1);
        Outcome second = world.read(via(N3), KEY);
        return new Outcome[] {first, second};
    }

    @Test
    void blockingWriteBackMakesTheValueAReadReturnedVisibleToEveryLaterRead() {
        // ABD's write-back: before the first read answers 2, it puts 2 on a write quorum, which
        // every later read quorum meets.
        Outcome[] reads = partialWriteThenTwoReads(ReadRepair.BLOCKING);

        assertThat(reads[0]).isEqualTo(Outcome.ok(2L));
        assertThat(reads[1]).isEqualTo(Outcome.ok(2L));
    }

    @Test
    void withoutWriteBackALaterReadCanGoBackToTheOlderValue() {
        // The same runs without repair: the second read returns 1 after the first returned 2, a
        // new-old inversion that no linearizable register allows.
        Outcome[] reads = partialWriteThenTwoReads(ReadRepair.NONE);

        assertThat(reads[0]).isEqualTo(Outcome.ok(2L));
        assertThat(reads[1]).isEqualTo(Outcome.ok(1L));
    }

    @Test
    void backgroundRepairBringsStaleRepliersUpToDateAfterTheAnswer() {
        // A replica that missed a write answers a read with the old version and is then repaired.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2).withReadRepair(ReadRepair.BACKGROUND));
        world.isolate(N3);
        assertThat(world.write(via(N1), KEY, 2L)).isEqualTo(Outcome.ok(2L));
        world.heal();
        assertThat(world.node(N3).localCopy(KEY)).isEmpty();

        assertThat(world.read(via(N3), KEY)).isEqualTo(Outcome.ok(2L));
        world.runFor(Duration.ofMillis(10));

        assertThat(world.node(N3).localCopy(KEY)).map(Versioned::value).contains(2L);
    }

    @Test
    void withoutRepairAStaleReplicaStaysStale() {
        // The control for the test above: the same read leaves n3 without the value.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2).withReadRepair(ReadRepair.NONE));
        world.isolate(N3);
        assertThat(world.write(via(N1), KEY, 2L)).isEqualTo(Outcome.ok(2L));
        world.heal();

        assertThat(world.read(via(N3), KEY)).isEqualTo(Outcome.ok(2L));
        world.runFor(Duration.ofMillis(10));

        assertThat(world.node(N3).localCopy(KEY)).isEmpty();
        assertThat(world.node(N2).localCopy(KEY)).map(Versioned::value).contains(2L);
    }
}
