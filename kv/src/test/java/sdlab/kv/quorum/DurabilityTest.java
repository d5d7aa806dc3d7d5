package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.kv.quorum.Fixture.KEY;
import static sdlab.kv.quorum.Fixture.N1;
import static sdlab.kv.quorum.Fixture.N2;
import static sdlab.kv.quorum.Fixture.NODES;
import static sdlab.kv.quorum.Fixture.via;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;

class DurabilityTest {

    @Test
    void acknowledgedWritesSurviveACrashOfEveryNode() {
        // Replicas ack only after their disk sync: crashing the whole cluster right after the ack
        // loses nothing that a client was told is written.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 2));
        assertThat(world.write(via(N1), KEY, 5L)).isEqualTo(Outcome.ok(5L));

        NODES.forEach(world::crash);
        NODES.forEach(world::restart);

        assertThat(world.read(via(N2), KEY)).isEqualTo(Outcome.ok(5L));
    }

    @Test
    void aWriteCaughtBeforeItsSyncIsLostAndWasNeverAcknowledged() {
        // With slow disks, a crash between the write and its sync loses the write; the client
        // was never told ok, and hears unknown.
        QuorumConfig config = Fixture.config(2, 2).withClientTimeoutMs(5_000);
        TestWorld world = new TestWorld(1, Duration.ofMillis(1), Duration.ofMillis(50));
        world.nodes(NODES, QuorumCluster.nodeFactory(config, NODES))
                .client(via(N1), QuorumCluster.client(config, NODES, N1))
                .start();

        long opId = world.invoke(via(N1), QuorumClient.WRITE, KEY, 5L);
        world.runFor(Duration.ofMillis(10));
        NODES.forEach(world::crash);
        NODES.forEach(world::restart);

        assertThat(world.await(opId)).isInstanceOf(Outcome.Unknown.class);
        NODES.forEach(node -> assertThat(world.node(node).localCopy(KEY)).isEmpty());
    }

    @Test
    void aReplicaRebuildsItsStateFromDiskAfterARestart() {
        // Every key a replica held before a crash is back after the restart, with its version.
        TestWorld world = Fixture.threeNodes(Fixture.config(2, 3));
        for (int i = 0; i < 40; i++) {
            assertThat(world.write(via(N1), "key" + (i % 13), (long) i)).isEqualTo(Outcome.ok((long) i));
        }
        Map<String, Optional<Versioned>> before = copies(world, N2);

        world.crash(N2);
        world.restart(N2);
        world.runFor(Duration.ofMillis(5));

        assertThat(copies(world, N2)).isEqualTo(before);
        assertThat(before.get("key0")).map(Versioned::value).contains(39L);
    }

    @Test
    void compactionBoundsTheLogAndKeepsEveryKey() {
        // Thousands of writes to a few keys: the log is rewritten as a small new generation, the
        // old one is deleted after the sync, and a restart still finds the newest values.
        TestWorld world = Fixture.threeNodes(Fixture.config(1, 3));
        int writes = (int) ReplicaStore.COMPACTION_RECORDS_MIN + 100;
        for (int i = 0; i < writes; i++) {
            world.write(via(N1), "key" + (i % 7), (long) i);
        }
        world.runFor(Duration.ofMillis(5));

        assertThat(world.files(N2)).hasSize(1).first().isNotEqualTo(StoreLog.FILE_PREFIX + "000000");
        Map<String, Optional<Versioned>> before = copies(world, N2);
        world.crash(N2);
        world.restart(N2);
        assertThat(copies(world, N2)).isEqualTo(before);
        long lastWriteOfKey0 = (writes - 1) / 7 * 7L;
        assertThat(before.get("key0")).map(Versioned::value).contains(lastWriteOfKey0);
    }

    private static Map<String, Optional<Versioned>> copies(TestWorld world, NodeId node) {
        Map<String, Optional<Versioned>> copies = new HashMap<>();
        for (int i = 0; i < 13; i++) {
            copies.put("key" + i, world.node(node).localCopy("key" + i));
        }
        return copies;
    }
}
