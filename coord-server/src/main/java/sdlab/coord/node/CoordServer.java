package sdlab.coord.node;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.coord.server.CoordinatorConfig;
import sdlab.coord.server.Expiry;
import sdlab.coord.server.PasswordGenerator;
import sdlab.coord.server.StandaloneCoordinator;
import sdlab.coord.tree.WatchEvent;
import sdlab.coord.wire.Packets;
import sdlab.coord.wire.TreeMapping;

/**
 * A standalone ZooKeeper-compatible node: one Netty event loop thread accepts connections, reads
 * their packets and calls the {@link StandaloneCoordinator}, which it alone touches; a timer on the
 * same loop expires quiet sessions every half tick and removes due containers and TTL nodes every
 * minute. The server knows which connection carries
 * which session, so that watch events reach the right client.
 */
public final class CoordServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CoordServer.class);
    private static final int LENGTH_PREFIX_BYTES = 4;
    /**
     * The most reply and notification bytes queued for one client that does not read them. Past
     * it the connection is closed: the session lives on, and the client's reconnect re-sets its
     * watches with the last zxid it saw, so the server, not the slow client, decides the memory.
     */
    static final int OUTBOUND_BYTES_MAX = 16 << 20;
    /** How often empty containers and expired TTL nodes are removed: ZooKeeper's default znode.container.checkIntervalMs. */
    private static final long CONTAINER_CHECK_MS = 60_000;

    private final String bind;
    private final int portAsked;
    private final StandaloneCoordinator coordinator;
    private final int tickTimeMs;
    /** Session id to the connection that carries it; touched on the event loop only. */
    private final Map<Long, Channel> connections = new HashMap<>();

    private EventLoopGroup group;
    private Channel listener;

    public CoordServer(String bind, int port, int tickTimeMs) {
        this.bind = bind;
        this.portAsked = port;
        this.tickTimeMs = tickTimeMs;
        SecureRandom random = new SecureRandom();
        PasswordGenerator passwords = sessionId -> {
            byte[] password = new byte[PasswordGenerator.PASSWORD_BYTES];
            random.nextBytes(password);
            return password;
        };
        // As ZooKeeper's SessionTrackerImpl.initializeNextSessionId: the start time, shifted so
        // that ids from different starts do not collide (the top byte is the server id, 0 here).
        long seed = (System.currentTimeMillis() << 24) >>> 8;
        this.coordinator = new StandaloneCoordinator(
                new CoordinatorConfig(tickTimeMs, seed, CoordinatorConfig.SESSIONS_MAX_DEFAULT), passwords);
    }

    /**
     * Binds the port and returns once clients can connect.
     *
     * @throws CoordStartupException if the address cannot be bound (in use, not local)
     */
    public synchronized CoordServer start() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            listener = bind();
        } catch (InterruptedException e) {
            close();
            throw e;
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            close();
            throw new CoordStartupException("cannot listen on " + bind + ":" + portAsked + ": " + e.getMessage(), e);
        }
        long periodMs = Math.max(1, tickTimeMs / 2);
        listener.eventLoop().scheduleAtFixedRate(this::expireSessions, periodMs, periodMs, TimeUnit.MILLISECONDS);
        listener.eventLoop()
                .scheduleAtFixedRate(
                        () -> deliver(coordinator.removeDueContainers(nowMs())),
                        CONTAINER_CHECK_MS,
                        CONTAINER_CHECK_MS,
                        TimeUnit.MILLISECONDS);
        log.info("coord node (standalone ZooKeeper protocol) listening on {}:{}", bind, port());
        return this;
    }

    private Channel bind() throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(OUTBOUND_BYTES_MAX / 2, OUTBOUND_BYTES_MAX))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(
                                        Packets.PACKET_BYTES_MAX + LENGTH_PREFIX_BYTES,
                                        0,
                                        LENGTH_PREFIX_BYTES,
                                        0,
                                        LENGTH_PREFIX_BYTES))
                                .addLast(new ClientConnection(CoordServer.this));
                    }
                })
                .bind(bind, portAsked)
                .sync()
                .channel();
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    StandaloneCoordinator coordinator() {
        return coordinator;
    }

    long nowMs() {
        return System.currentTimeMillis();
    }

    /** The session is now carried by {@code channel}; an older connection of it is closed. */
    void attach(long sessionId, Channel channel) {
        Channel previous = connections.put(sessionId, channel);
        if (previous != null && previous != channel) {
            previous.close();
        }
    }

    void detach(long sessionId, Channel channel) {
        connections.remove(sessionId, channel);
    }

    /** Sends each event to the connection of its session, if it has one now. */
    void deliver(List<WatchEvent> events) {
        for (WatchEvent event : events) {
            Channel channel = connections.get(event.session());
            if (channel != null) {
                Packets.Reply notification = TreeMapping.toNotification(event);
                send(channel, Packets.encodeReply(notification.header(), notification.body()));
            }
        }
    }

    /** Closes the session's connection (the session stays open), as a network blip would; for tests. */
    void dropConnection(long sessionId) {
        listener.eventLoop()
                .submit(() -> {
                    Channel channel = connections.get(sessionId);
                    if (channel != null) {
                        channel.close();
                    }
                })
                .syncUninterruptibly();
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

    private void expireSessions() {
        Expiry expiry = coordinator.expire(nowMs());
        deliver(expiry.events());
        for (long sessionId : expiry.sessions()) {
            log.info("session 0x{} expired", Long.toHexString(sessionId));
            Channel channel = connections.remove(sessionId);
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Blocks until the listener closes (on {@link #close()} or interrupt). */
    public void awaitStop() throws InterruptedException {
        listener.closeFuture().sync();
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        if (group != null && !group.isShuttingDown()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
