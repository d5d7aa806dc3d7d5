package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.Watcher.Event.EventType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ConnectRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.Packets;

/** The unmodified ZooKeeper 3.9 client against a standalone coord node on a free port. */
class RealZooKeeperClientTest {
    private static final int SESSION_TIMEOUT_MS = 4_000;
    private CoordServer server;
    private final List<ZooKeeper> clients = new ArrayList<>();
    private final BlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws InterruptedException {
        server = new CoordServer("127.0.0.1", 0, 2_000).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (ZooKeeper client : clients) {
            client.close();
        }
        server.close();
    }

    private String connectString() {
        return "127.0.0.1:" + server.port();
    }

    private ZooKeeper connect() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper(connectString(), SESSION_TIMEOUT_MS, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected && event.getType() == EventType.None) {
                connected.countDown();
            } else if (event.getType() != EventType.None) {
                events.add(event);
            }
        });
        clients.add(client);
        assertThat(connected.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
        return client;
    }

    private WatchedEvent nextEvent() throws InterruptedException {
        WatchedEvent event = events.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("a watch event").isNotNull();
        return event;
    }

    @Test
    void createGetAndSetDataWithAndWithoutVersions() throws Exception {
        ZooKeeper zk = connect();
        assertThat(zk.create("/a", "one".getBytes(), Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                .isEqualTo("/a");
        Stat stat = new Stat();
        assertThat(zk.getData("/a", false, stat)).isEqualTo("one".getBytes());
        assertThat(stat.getVersion()).isZero();
        assertThat(zk.setData("/a", "two".getBytes(), 0).getVersion()).isEqualTo(1);
        assertThatThrownBy(() -> zk.setData("/a", "x".getBytes(), 0))
                .isInstanceOf(KeeperException.BadVersionException.class);
        assertThat(zk.setData("/a", "three".getBytes(), -1).getVersion()).isEqualTo(2);
        assertThat(zk.getData("/a", false, null)).isEqualTo("three".getBytes());
    }

    @Test
    void errorsMapToTheClientsExceptions() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/e", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThatThrownBy(() -> zk.create("/e", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT))
                .isInstanceOf(KeeperException.NodeExistsException.class);
        assertThatThrownBy(() -> zk.getData("/missing", false, null))
                .isInstanceOf(KeeperException.NoNodeException.class);
        assertThatThrownBy(() -> zk.delete("/missing", -1)).isInstanceOf(KeeperException.NoNodeException.class);
        zk.delete("/e", -1);
        assertThat(zk.exists("/e", false)).isNull();
    }

    @Test
    void anExistsWatchFiresNodeCreatedForAnotherClientsCreate() throws Exception {
        ZooKeeper watcher = connect();
        ZooKeeper writer = connect();
        assertThat(watcher.exists("/w", true)).isNull();
        writer.create("/w", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        WatchedEvent event = nextEvent();
        assertThat(event.getType()).isEqualTo(EventType.NodeCreated);
        assertThat(event.getPath()).isEqualTo("/w");
    }

    @Test
    void aChildWatchFiresWhenAChildIsAdded() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/p", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertThat(zk.getChildren("/p", true)).isEmpty();
        zk.create("/p/c", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        WatchedEvent event = nextEvent();
        assertThat(event.getType()).isEqualTo(EventType.NodeChildrenChanged);
        assertThat(event.getPath()).isEqualTo("/p");
        assertThat(zk.getChildren("/p", false)).containsExactly("c");
    }

    @Test
    void sequentialNodesGetIncreasingSuffixes() throws Exception {
        ZooKeeper zk = connect();
        zk.create("/q", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        String first = zk.create("/q/n-", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL);
        String second = zk.create("/q/n-", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL);
        assertThat(first).isEqualTo("/q/n-0000000000");
        assertThat(second).isEqualTo("/q/n-0000000001");
    }

    @Test
    void aMultiIsAllOrNothing() throws Exception {
        ZooKeeper zk = connect();
        zk.multi(List.of(
                Op.create("/m", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.create("/m/1", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
        assertThat(zk.getChildren("/m", false)).containsExactly("1");
        assertThatThrownBy(() -> zk.multi(List.of(
                        Op.create("/m/2", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT), Op.check("/m", 7))))
                .isInstanceOf(KeeperException.BadVersionException.class);
        assertThat(zk.exists("/m/2", false)).isNull();
    }

    @Test
    void ephemeralsGoWhenTheirClientCloses() throws Exception {
        ZooKeeper owner = connect();
        ZooKeeper watcher = connect();
        owner.create("/eph", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        assertThat(watcher.exists("/eph", true)).isNotNull();
        owner.close();
        WatchedEvent event = nextEvent();
        assertThat(event.getType()).isEqualTo(EventType.NodeDeleted);
        assertThat(watcher.exists("/eph", false)).isNull();
    }

    @Test
    void aSessionResumesWithItsIdAndPassword() throws Exception {
        ZooKeeper owner = connect();
        owner.create("/mine", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper again = new ZooKeeper(
                connectString(),
                SESSION_TIMEOUT_MS,
                event -> {
                    if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                        connected.countDown();
                    }
                },
                owner.getSessionId(),
                owner.getSessionPasswd());
        clients.add(again);
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(again.getSessionId()).isEqualTo(owner.getSessionId());
        assertThat(again.getEphemerals()).containsExactly("/mine");
    }

    /**
     * A session whose client stops talking expires after its timeout and its ephemerals go. The
     * quiet client is a raw socket speaking this project's codec, since the real client pings.
     */
    @Test
    void ephemeralsGoWhenTheirSessionExpires() throws Exception {
        ZooKeeper watcher = connect();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(
                    Packets.encodeConnectRequest(new ConnectRequest(0, 0, SESSION_TIMEOUT_MS, 0, new byte[16], false)));
            assertThat(Packets.decodeConnectResponse(readPacket(in)).timeOutMs())
                    .isEqualTo(SESSION_TIMEOUT_MS);
            out.write(Packets.encodeRequest(
                    1,
                    new ClientRequest.Create(
                            OpCode.CREATE,
                            "/quiet",
                            new byte[0],
                            List.of(Acl.OPEN_UNSAFE),
                            sdlab.coord.tree.CreateMode.EPHEMERAL.flag())));
            assertThat(Packets.decodeReply(readPacket(in), OpCode.CREATE)
                            .header()
                            .err())
                    .isZero();
            assertThat(watcher.exists("/quiet", true)).isNotNull();
            WatchedEvent event = nextEvent();
            assertThat(event.getType()).isEqualTo(EventType.NodeDeleted);
            assertThat(event.getPath()).isEqualTo("/quiet");
        }
    }

    @Test
    void watchesSurviveAReconnectThroughSetWatches() throws Exception {
        ZooKeeper watcher = connect();
        ZooKeeper writer = connect();
        watcher.create("/r", new byte[0], Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        watcher.getData("/r", true, null);
        long session = watcher.getSessionId();
        server.dropConnection(session);
        writer.setData("/r", "changed".getBytes(), -1);
        WatchedEvent event = nextEvent();
        assertThat(event.getType()).isEqualTo(EventType.NodeDataChanged);
        assertThat(event.getPath()).isEqualTo("/r");
        assertThat(watcher.getSessionId()).isEqualTo(session);
    }

    @Test
    void malformedBytesCloseOnlyTheirConnection() throws Exception {
        ZooKeeper zk = connect();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2, 3});
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // A handshake cut short: the packet's length says 3 bytes, too few for a ConnectRequest.
            socket.getOutputStream().write(new byte[] {0, 0, 0, 3, 0, 0, 0});
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
        assertThat(zk.exists("/", false)).isNotNull();
    }

    private static byte[] readPacket(DataInputStream in) throws Exception {
        byte[] packet = new byte[in.readInt()];
        in.readFully(packet);
        return packet;
    }
}
