package sdlab.repl.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.repl.ReplMessages;
import sdlab.repl.ReplNode;
import sdlab.resp.RespRequestDecoder;
import sdlab.runtime.host.LocalClients;
import sdlab.runtime.host.NodeHost;

/**
 * The RESP port of one node of the replicated store ({@link ReplNode} in a {@link NodeHost}), so that redis-cli and
 * Redis client libraries talk to the primary and its replicas. Each TCP connection is a client of the node, named
 * {@code resp-<node>-<n>}: its commands become the store's own {@link ReplMessages.Write} and
 * {@link ReplMessages.Read}, and the node's answers become RESP replies ({@link ReplCommands} says which is which).
 *
 * <p>The connections run on the node's own event loop, so the node's handlers, its state and the sockets never
 * race: a read-modify-write (INCRBY) reads the primary's log head and appends its write in one turn of the loop, and
 * INFO reads the node's positions between two of its events.
 */
public final class ReplRespDoor implements LocalClients, AutoCloseable {
    /**
     * The longest bulk argument, in bytes. A replica is shipped up to 256 entries in one frame of at most 16 MiB, so
     * a key and a value of 16 KiB each keep the largest shipment at half of that.
     */
    static final int BULK_BYTES_MAX = 16 * 1024;

    private final NodeHost host;
    private final ReplNode node;
    private final DoorSettings settings;
    private final String prefix;
    private final LongSupplier clock;
    /** Open connections by client id; touched on the node's loop only. */
    private final Map<NodeId, RespConnection> connections = new HashMap<>();

    private long connectionsAccepted;
    private Channel listener;

    private ReplRespDoor(NodeHost host, ReplNode node, DoorSettings settings) {
        this.host = host;
        this.node = node;
        this.settings = settings;
        this.prefix = "resp-" + host.id().name() + "-";
        this.clock = DoorClock.anchoredNow();
    }

    /** Listens for RESP clients on {@code 127.0.0.1} at the port {@code settings} gives this node. */
    public static ReplRespDoor open(NodeHost host, ReplNode node, DoorSettings settings) throws IOException {
        Objects.requireNonNull(node, "node");
        ReplRespDoor door = new ReplRespDoor(host, node, settings);
        host.attachLocalClients(door);
        int port = settings.respPort(host.id());
        try {
            door.listener = new ServerBootstrap()
                    .group(host.loop())
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline()
                                    .addLast(new RespRequestDecoder(BULK_BYTES_MAX), new RespConnection(door));
                        }
                    })
                    .bind("127.0.0.1", port)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) { // Netty rethrows the bind's IOException unchecked
            throw new IOException("cannot listen for RESP clients on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return door;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    ReplNode node() {
        return node;
    }

    NodeId self() {
        return host.id();
    }

    DoorSettings settings() {
        return settings;
    }

    /** The node's clock as the door reads it: comparable with the commit times in the log. */
    long nowNanos() {
        return clock.getAsLong();
    }

    /** A new connection: its client id. Called on the node's loop. */
    NodeId register(RespConnection connection) {
        NodeId id = NodeId.of(prefix + ++connectionsAccepted);
        connections.put(id, connection);
        return id;
    }

    void unregister(NodeId id) {
        connections.remove(id);
    }

    /** Hands the node a message from connection {@code id}; on the loop, so the node handles it now. */
    void toNode(NodeId id, Message message) {
        host.deliverLocal(id, message);
    }

    @Override
    public boolean owns(NodeId id) {
        return id.name().startsWith(prefix);
    }

    @Override
    public void deliver(NodeId to, Message message) {
        RespConnection connection = connections.get(to);
        if (connection == null || !(message instanceof ReplMessages answer)) {
            return; // the connection closed while the node was answering it
        }
        try {
            connection.fromNode(answer);
        } catch (RuntimeException e) {
            // This runs inside the node's handler, which would stop the node for it: a fault of one connection's
            // reply closes that connection only.
            connection.close();
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        host.loop()
                .submit(() -> List.copyOf(connections.values()).forEach(RespConnection::close))
                .syncUninterruptibly();
    }
}
