package sdlab.coord.node;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.coord.server.ClientMessages;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.wire.Packets;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.runtime.host.LocalClients;
import sdlab.runtime.host.NodeHost;

/**
 * The ZooKeeper port of one replicated coordination server ({@link CoordReplica} in a {@link
 * NodeHost}): each TCP connection becomes a local client of the node, named {@code zk-<node>-<n>},
 * whose packets are decoded into {@link ClientMessages} and whose answers are encoded back. The
 * connections run on the node's own event loop, so the node's handlers and the sockets never race.
 */
public final class ReplicaFrontDoor implements LocalClients, AutoCloseable {
    private static final int LENGTH_PREFIX_BYTES = 4;

    private final NodeHost host;
    private final String prefix;
    /** Open connections by their client id, and the sessions they carry; touched on the node's loop only. */
    private final Map<NodeId, Channel> channels = new HashMap<>();

    private final Map<NodeId, Long> sessions = new HashMap<>();

    private long connectionsAccepted;
    private Channel listener;

    private ReplicaFrontDoor(NodeHost host) {
        this.host = host;
        this.prefix = "zk-" + host.id().name() + "-";
    }

    /** Listens for ZooKeeper clients on {@code bind:port} for the node in {@code host}. */
    public static ReplicaFrontDoor open(NodeHost host, String bind, int port) throws IOException {
        ReplicaFrontDoor door = new ReplicaFrontDoor(host);
        host.attachLocalClients(door);
        try {
            door.listener = new ServerBootstrap()
                    .group(host.loop())
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(
                            ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(
                                    CoordServer.OUTBOUND_BYTES_MAX / 2, CoordServer.OUTBOUND_BYTES_MAX))
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
                                    .addLast(new ReplicaConnection(door));
                        }
                    })
                    .bind(bind, port)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) { // Netty rethrows the bind's IOException unchecked
            throw new IOException(
                    "cannot listen for ZooKeeper clients on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return door;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** A new connection: its client id. Called on the node's loop. */
    NodeId register(Channel channel) {
        NodeId id = NodeId.of(prefix + ++connectionsAccepted);
        channels.put(id, channel);
        return id;
    }

    /** The connection closed: the node hears that its client left. Called on the node's loop. */
    void unregister(NodeId id) {
        sessions.remove(id);
        if (channels.remove(id) != null) {
            host.deliverLocal(id, new ClientMessages.Disconnected());
        }
    }

    /** A decoded packet of connection {@code id}, for the node. Called on the node's loop. */
    void fromClient(NodeId id, ClientMessages.ToServer message) {
        host.deliverLocal(id, message);
    }

    @Override
    public boolean owns(NodeId id) {
        return id.name().startsWith(prefix);
    }

    @Override
    public void deliver(NodeId to, Message message) {
        Channel channel = channels.get(to);
        if (channel == null) {
            return; // the connection closed while the node was answering it
        }
        switch (message) {
            case ClientMessages.Handshaken handshaken -> {
                var written = CoordServer.send(channel, Packets.encodeConnectResponse(handshaken.response()));
                if (handshaken.accepted()) {
                    sessions.put(to, handshaken.response().sessionId());
                } else {
                    written.addListener(ChannelFutureListener.CLOSE);
                }
            }
            case ClientMessages.Packet packet ->
                CoordServer.send(
                        channel,
                        Packets.encodeReply(
                                packet.reply().header(), packet.reply().body()));
            case ClientMessages.Close close -> {
                channels.remove(to);
                sessions.remove(to);
                channel.close();
            }
            default -> throw new IllegalArgumentException("not a message for a ZooKeeper client: " + message);
        }
    }

    /** Closes the connection that carries {@code sessionId} (the session stays open), as a network blip would; for tests. */
    void dropSession(long sessionId) {
        host.loop()
                .submit(() -> sessions.forEach((id, session) -> {
                    if (session == sessionId) {
                        channels.get(id).close();
                    }
                }))
                .syncUninterruptibly();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        host.loop()
                .submit(() -> List.copyOf(channels.values()).forEach(Channel::close))
                .syncUninterruptibly();
    }
}
