package sdlab.shard.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import sdlab.resp.RespRequestDecoder;

/**
 * The sharded store's RESP port: redis-cli and Redis client libraries send it Redis commands, and its routers ({@link
 * ShardAccess}, in a cluster a {@link RouterPool}) carry them to the shards that own the keys, refreshing their
 * cached table when a shard says it is stale. Each node process of {@code sdlab cluster start shards} opens one;
 * they are all alike, since any router reaches every shard. {@link ShardCommands} says what each command means.
 */
public final class ShardRespDoor implements AutoCloseable {
    /**
     * The longest bulk argument, in bytes: enough for an ECHO or PING of a megabyte. Keys have their own, smaller
     * bound ({@link Replies#KEY_BYTES_MAX}) and values are numbers, so nothing this large reaches a shard.
     */
    public static final int BULK_BYTES_MAX = 1024 * 1024;

    private final ShardAccess store;
    private final ChannelGroup connections;
    private Channel listener;

    private ShardRespDoor(ShardAccess store, ChannelGroup connections) {
        this.store = store;
        this.connections = connections;
    }

    /**
     * Listens for RESP clients on {@code host:port} (port 0: any free one), running connections on {@code group}; the
     * door closes {@code store} when it closes.
     *
     * @param doorName the node whose door this is, for INFO
     */
    public static ShardRespDoor open(EventLoopGroup group, String host, int port, ShardAccess store, String doorName)
            throws IOException {
        Objects.requireNonNull(store, "store");
        ShardRespDoor door = new ShardRespDoor(store, new DefaultChannelGroup(group.next()));
        ShardCommands commands = new ShardCommands(store, doorName);
        try {
            door.listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            door.connections.add(channel);
                            channel.pipeline()
                                    .addLast(new RespRequestDecoder(BULK_BYTES_MAX), new ShardConnection(commands));
                        }
                    })
                    .bind(host, port)
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException e) { // Netty rethrows the bind's IOException unchecked
            store.close();
            throw new IOException("cannot listen for RESP clients on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return door;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops listening, closes every connection, then the routers. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        connections.close().awaitUninterruptibly();
        store.close();
    }
}
