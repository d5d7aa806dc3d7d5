package sdlab.coord.node;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.server.PeerMessages;
import sdlab.coord.server.ReplicaConfig;
import sdlab.core.NodeId;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.host.NodeSettings;

/**
 * A standalone ZooKeeper-compatible node: the replicated server ({@link CoordReplica}) as a
 * group of one, so that the standalone node and every server of a cluster are the same code. It
 * runs in a {@link NodeHost} (its log and snapshots in a data directory, synced before a write is
 * answered) with its ZooKeeper port ({@link ReplicaFrontDoor}) on the node's event loop. It starts
 * serving once it has elected itself, a few hundred milliseconds after start.
 */
public final class CoordServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoordServer.class);
    /**
     * The most reply and notification bytes queued for one client that does not read them. Past
     * it the connection is closed: the session lives on, and the client's reconnect re-sets its
     * watches with the last zxid it saw, so the server, not the slow client, decides the memory.
     */
    static final int OUTBOUND_BYTES_MAX = 16 << 20;

    private static final NodeId SELF = NodeId.of("coord");
    private static final long LEADER_WAIT_MS = 10_000;

    private final String bind;
    private final int portAsked;
    private final ReplicaConfig config;
    private final Path dataDirectoryAsked;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Path dataDirectory;
    private NodeHost host;
    private CoordReplica replica;
    private ReplicaFrontDoor door;

    /** A node whose data lives in a temporary directory, removed when it closes. */
    public CoordServer(String bind, int port, int tickTimeMs) {
        this(bind, port, tickTimeMs, null);
    }

    /** A node whose data lives in {@code dataDirectory} (kept across restarts), or a temporary one if null. */
    public CoordServer(String bind, int port, int tickTimeMs, Path dataDirectory) {
        this.bind = bind;
        this.portAsked = port;
        this.config = ReplicaConfig.defaults().withTickTimeMs(tickTimeMs);
        this.dataDirectoryAsked = dataDirectory;
    }

    /**
     * Starts the node, binds the port and returns once it serves clients.
     *
     * @throws CoordStartupException if the data directory or the address cannot be used
     */
    public synchronized CoordServer start() throws InterruptedException {
        try {
            dataDirectory = dataDirectoryAsked != null
                    ? Files.createDirectories(dataDirectoryAsked)
                    : Files.createTempDirectory("sdlab-coord-");
            // The seed makes the session passwords: unpredictable for a real server.
            NodeSettings settings = new NodeSettings(
                    SELF,
                    Map.of(SELF, new InetSocketAddress("127.0.0.1", 0)),
                    dataDirectory,
                    new SecureRandom().nextLong());
            host = NodeHost.start(
                    settings,
                    id -> replica = new CoordReplica(id, List.of(id), config),
                    PeerMessages.PeerMessage.class,
                    log::info,
                    (what, cause) -> {
                        log.error("the coord node stops after a failure in {}", what, cause);
                        new Thread(this::close, "coord-node-failed").start();
                    });
            door = ReplicaFrontDoor.open(host, bind, portAsked);
            awaitLeadership();
        } catch (IOException e) {
            close();
            throw new CoordStartupException(e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        log.info("coord node (ZooKeeper protocol) listening on {}:{}, data in {}", bind, port(), dataDirectory);
        return this;
    }

    private void awaitLeadership() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEADER_WAIT_MS);
        while (System.nanoTime() < deadline) {
            try {
                if (host.loop().submit(replica::isLeader).get(1, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the coord node did not answer while starting: " + e, e);
            }
            Thread.sleep(10);
        }
        throw new IOException("the coord node did not elect itself within " + LEADER_WAIT_MS + " ms");
    }

    public int port() {
        return door.port();
    }

    /** Where the node keeps its log and snapshots. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Closes the session's connection (the session stays open), as a network blip would; for tests. */
    void dropConnection(long sessionId) {
        door.dropSession(sessionId);
    }

    /** Writes one packet, closing the connection if its client lets more than {@link #OUTBOUND_BYTES_MAX} pile up. */
    static ChannelFuture send(Channel channel, byte[] packet) {
        ChannelFuture written = channel.writeAndFlush(Unpooled.wrappedBuffer(packet));
        if (!channel.isWritable()) {
            log.warn(
                    "closing connection from {}: more than {} bytes wait for it to read",
                    channel.remoteAddress(),
                    OUTBOUND_BYTES_MAX);
            channel.close();
        }
        return written;
    }

    /** Blocks until the node closes (on {@link #close()}, a failure, or interrupt). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (door != null) {
            door.close();
            door = null;
        }
        if (host != null) {
            host.close();
            host = null;
        }
        if (dataDirectoryAsked == null && dataDirectory != null) {
            deleteTree(dataDirectory);
            dataDirectory = null;
        }
        stopped.countDown();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary data directory " + root, e);
        }
    }
}
