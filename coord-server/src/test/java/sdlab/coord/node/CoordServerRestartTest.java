package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sdlab node coord --data-dir DIR}: what a client was told is written survives the node's
 * restart over the same directory (its log was synced before the answer), with its Stat, and
 * zxids keep growing across the restart.
 */
class CoordServerRestartTest {

    private static ZooKeeper connect(int port) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper("127.0.0.1:" + port, 4_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
        return client;
    }

    @Test
    void acknowledgedWritesSurviveARestartOverTheSameDataDirectory(@TempDir Path data) throws Exception {
        Stat before;
        try (CoordServer server = new CoordServer("127.0.0.1", 0, 2_000, data).start()) {
            ZooKeeper client = connect(server.port());
            client.create("/kept", "v1".getBytes(StandardCharsets.UTF_8), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            before = client.setData("/kept", "v2".getBytes(StandardCharsets.UTF_8), 0);
            client.close();
        }
        try (CoordServer server = new CoordServer("127.0.0.1", 0, 2_000, data).start()) {
            ZooKeeper client = connect(server.port());
            Stat after = new Stat();
            byte[] value = client.getData("/kept", false, after);
            assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("v2");
            assertThat(after).isEqualTo(before);
            Stat next = client.setData("/kept", "v3".getBytes(StandardCharsets.UTF_8), 1);
            assertThat(next.getMzxid()).isGreaterThan(before.getMzxid());
            client.close();
        }
    }
}
