package sdlab.coord.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.coord.tree.TestLeader.SESSION_A;
import static sdlab.coord.tree.TestLeader.SESSION_B;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The snapshot Raft will take: complete, deterministic, and refused when damaged. */
class SnapshotTest {

    private static TestLeader populated() {
        TestLeader leader = new TestLeader();
        leader.create("/app", "config");
        leader.setData("/app", "config-2", -1);
        leader.create(SESSION_A, "/app/lock-", CreateMode.EPHEMERAL_SEQUENTIAL);
        leader.create(SESSION_B, "/app/lock-", CreateMode.EPHEMERAL_SEQUENTIAL);
        leader.create(SESSION_A, "/app/c", CreateMode.CONTAINER);
        leader.create("/app/c/x", "");
        leader.delete("/app/c/x", -1);
        leader.run(new Op.Create("/app/t", null, CreateMode.PERSISTENT_WITH_TTL, 5_000));
        leader.run(new Op.Create("/app/empty", new byte[0], CreateMode.PERSISTENT));
        return leader;
    }

    @Test
    void decodedTreeAnswersEveryReadAsTheOriginalAndContinuesTheSameWay() throws IOException {
        TestLeader original = populated();
        ZNodeTree decoded = ZNodeTree.decode(original.tree.encode());

        for (String path : new String[] {
            "/", "/app", "/app/lock-0000000000", "/app/lock-0000000001", "/app/c", "/app/t", "/app/empty", "/zookeeper"
        }) {
            NodeData expected = original.tree.getData(path).orThrow();
            NodeData actual = decoded.getData(path).orThrow();
            assertThat(actual.stat()).as(path).isEqualTo(expected.stat());
            assertThat(actual.data()).as(path).isEqualTo(expected.data());
            assertThat(decoded.getChildren(path).orThrow())
                    .isEqualTo(original.tree.getChildren(path).orThrow());
        }
        assertThat(decoded.getData("/app/t").orThrow().data()).isNull();
        assertThat(decoded.getData("/app/empty").orThrow().data()).isEmpty();
        assertThat(decoded.getEphemerals(SESSION_A, "/")).containsExactly("/app/lock-0000000000");
        long now = original.timeMs + 10_000;
        assertThat(decoded.containersToDelete(now)).isEqualTo(original.tree.containersToDelete(now));

        // The sequence counter and the session's ephemerals survive: both trees go on alike.
        TestLeader continued = new TestLeader(decoded);
        continued.nextZxid = original.nextZxid;
        continued.timeMs = original.timeMs;
        Applied next = original.create(SESSION_A, "/app/lock-", CreateMode.EPHEMERAL_SEQUENTIAL);
        Applied nextDecoded = continued.create(SESSION_A, "/app/lock-", CreateMode.EPHEMERAL_SEQUENTIAL);
        assertThat(nextDecoded.result()).isEqualTo(next.result());
        assertThat(continued.closeSession(SESSION_A).result())
                .isEqualTo(original.closeSession(SESSION_A).result());
        assertThat(continued.tree.encode()).isEqualTo(original.tree.encode());
    }

    @Test
    void aPathLongerThan64KiBSurvivesTheSnapshot() throws IOException {
        // ZooKeeper bounds a path only by the packet size; the snapshot must not be the first to refuse it.
        TestLeader leader = new TestLeader();
        String path = "/" + "p".repeat(70_000);
        leader.create(path, "long");

        ZNodeTree decoded = ZNodeTree.decode(leader.tree.encode());

        assertThat(decoded.getData(path).orThrow().data()).isEqualTo(TestLeader.bytes("long"));
    }

    @Test
    void sameTransactionsGiveTheSameBytesAndWatchesAreNotPartOfTheSnapshot() {
        TestLeader one = populated();
        TestLeader two = populated();
        two.tree.getData("/app", SESSION_B);
        two.tree.addWatch(SESSION_B, "/", AddWatchMode.PERSISTENT_RECURSIVE);

        assertThat(two.tree.encode()).isEqualTo(one.tree.encode());
    }

    @Test
    void damagedOrForeignBytesAreRefused() {
        byte[] snapshot = populated().tree.encode();
        byte[] flipped = snapshot.clone();
        flipped[snapshot.length / 2] ^= 1;

        assertThatThrownBy(() -> ZNodeTree.decode(flipped)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ZNodeTree.decode(Arrays.copyOf(snapshot, snapshot.length - 3)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ZNodeTree.decode(new byte[5])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ZNodeTree.decode(new byte[64])).isInstanceOf(IOException.class);
    }
}
