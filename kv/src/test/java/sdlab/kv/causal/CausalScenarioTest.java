package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.kv.quorum.TestWorld;

/** Hand-built runs of three replicas (one client each) that show the dependency check at work. */
class CausalScenarioTest {
    private static final List<NodeId> REPLICAS = CausalCluster.replicaIds(3);
    private static final NodeId S1 = REPLICAS.get(0);
    private static final NodeId S3 = REPLICAS.get(2);
    private static final NodeId C1 = NodeId.of("c1");
    private static final NodeId C2 = NodeId.of("c2");
    private static final NodeId C3 = NodeId.of("c3");

    private static TestWorld world(CausalConfig.Bug bug) {
        return world(bug, CausalConfig.ClientMode.LOCAL_REPLICA);
    }

    private static TestWorld world(CausalConfig.Bug bug, CausalConfig.ClientMode mode) {
        CausalConfig config = CausalConfig.of(REPLICAS).withBug(bug).withClientMode(mode);
        return TestWorld.standard()
                .nodes(REPLICAS, CausalCluster.nodeFactory(config))
                .client(C1, CausalCluster.client(config, 0))
                .client(C2, CausalCluster.client(config, 1))
                .client(C3, CausalCluster.client(config, 2))
                .start();
    }

    /** y written at s1, read at s2, x written at s2 after it; s3 hears from s2 but not from s1. */
    private static void effectReachesS3BeforeItsCause(TestWorld world) {
        world.cut(S1, S3);
        assertThat(world.write(C1, "y", 1L)).isEqualTo(Outcome.ok(1L));
        world.runFor(Duration.ofMillis(50));
        assertThat(world.read(C2, "y")).isEqualTo(Outcome.ok(1L));
        assertThat(world.write(C2, "x", 2L)).isEqualTo(Outcome.ok(2L));
        world.runFor(Duration.ofMillis(50));
    }

    @Test
    void aReplicaHidesAnEffectWhoseCauseHasNotArrived() {
        // Shows: s3 has x but not y, which x depends on, so its client sees neither; after the heal, both.
        TestWorld world = world(CausalConfig.Bug.NONE);
        effectReachesS3BeforeItsCause(world);

        assertThat(world.read(C3, "x")).isEqualTo(Outcome.ok(null));
        assertThat(world.read(C3, "y")).isEqualTo(Outcome.ok(null));

        world.heal();
        world.runFor(Duration.ofSeconds(1));
        assertThat(world.read(C3, "x")).isEqualTo(Outcome.ok(2L));
        assertThat(world.read(C3, "y")).isEqualTo(Outcome.ok(1L));
    }

    @Test
    void withoutTheDependencyCheckTheEffectShowsBeforeItsCause() {
        // Shows: the planted bug lets s3's client read x and then miss y, which x's writer had read.
        TestWorld world = world(CausalConfig.Bug.SHOWS_WRITE_BEFORE_DEPENDENCY);
        effectReachesS3BeforeItsCause(world);

        assertThat(world.read(C3, "x")).isEqualTo(Outcome.ok(2L));
        assertThat(world.read(C3, "y")).isEqualTo(Outcome.ok(null));
    }

    @Test
    void writesStayAvailableInAPartitionAndConvergeByLastWriterWinsAfterTheHeal() {
        // Shows: both sides of a partition take writes of one key; after the heal every replica shows the same winner.
        TestWorld world = world(CausalConfig.Bug.NONE);
        world.cut(S1, REPLICAS.get(1));
        world.cut(S1, S3);
        assertThat(world.write(C1, "k", 10L)).isEqualTo(Outcome.ok(10L));
        assertThat(world.write(C3, "k", 30L)).isEqualTo(Outcome.ok(30L));
        assertThat(world.read(C1, "k")).isEqualTo(Outcome.ok(10L));

        world.heal();
        world.runFor(Duration.ofSeconds(1));
        Object winner = ((Outcome.Ok) world.read(C1, "k")).value();
        assertThat(world.read(C2, "k")).isEqualTo(Outcome.ok(winner));
        assertThat(world.read(C3, "k")).isEqualTo(Outcome.ok(winner));
    }

    @Test
    void anAcknowledgedWriteSurvivesACrashAndIsReplicatedAfterTheRestart() {
        // Shows: the write is synced before its ack, replayed from the log, and resent once s1 is back.
        TestWorld world = world(CausalConfig.Bug.NONE);
        world.cut(S1, REPLICAS.get(1));
        world.cut(S1, S3);
        assertThat(world.write(C1, "k", 7L)).isEqualTo(Outcome.ok(7L));
        world.crash(S1);
        world.heal();
        world.restart(S1);
        world.runFor(Duration.ofSeconds(1));

        assertThat(world.read(C1, "k")).isEqualTo(Outcome.ok(7L));
        assertThat(world.read(C3, "k")).isEqualTo(Outcome.ok(7L));
    }

    /** Client c1, moving between replicas at random, writes while s1 is cut off from the others, then reads ten times. */
    private static List<Outcome> readsAfterOwnWriteInAPartition(CausalConfig.Bug bug) {
        TestWorld world = world(bug, CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN);
        world.cut(S1, REPLICAS.get(1));
        world.cut(S1, S3);
        // A first write has no context to wait for, so whichever replica takes it answers at once.
        assertThat(world.write(C1, "k", 5L)).isEqualTo(Outcome.ok(5L));
        List<Outcome> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reads.add(world.read(C1, "k"));
        }
        return reads;
    }

    @Test
    void aVersionTokenGivesReadYourWritesOnAnyReplicaInAPartition() {
        // Shows: every read that is answered returns the client's own write; a replica without it refuses instead.
        List<Outcome> reads = readsAfterOwnWriteInAPartition(CausalConfig.Bug.NONE);

        assertThat(reads).allMatch(read -> read.equals(Outcome.ok(5L)) || read instanceof Outcome.Fail);
        assertThat(reads).contains(Outcome.ok(5L));
    }

    @Test
    void anyReplicaReadsWithoutTheTokenMissTheClientsOwnWrite() {
        // Shows: the planted bug (token ignored) is plain any-replica reading: some read returns nothing written.
        List<Outcome> reads = readsAfterOwnWriteInAPartition(CausalConfig.Bug.TOKEN_IGNORED);

        assertThat(reads).contains(Outcome.ok(null));
    }
}
