package sdlab.cache.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import sdlab.cache.memcached.MemcachedStore;

/**
 * The memcached port: several event-loop threads (memcached's {@code -t}) serving the text
 * protocol from one thread-safe {@link MemcachedStore}. Nothing is persisted.
 */
final class MemcachedFrontDoor {
    /** Lock stripes of the store: enough that threads rarely meet on one. */
    static final int SEGMENTS = 64;

    /**
     * Receive buffers of at least 512 bytes. Netty's default guess shrinks to 64 bytes under
     * small requests, and a read that fills its buffer must be followed by another (epoll is
     * edge-triggered), which then mostly finds nothing: memaslap's 150-byte sets cost two
     * {@code recvfrom} calls each, a tenth more system calls than memcached makes.
     */
    private static final AdaptiveRecvByteBufAllocator RECEIVE_BUFFERS =
            new AdaptiveRecvByteBufAllocator(512, 2048, 64 * 1024);

    private final CacheServerConfig config;
    private final Transport transport;
    private final EventLoopGroup group;
    private final MemcachedStore store;
    private final MemcachedStatsReport statsReport;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();
    private Channel listener;

    private MemcachedFrontDoor(CacheServerConfig config, Transport transport) {
        this.config = config;
        this.transport = transport;
        this.group = transport.newGroup(config.memcachedThreads());
        this.store = new MemcachedStore(
                config.memcachedMemoryBytes(), config.memcachedItemBytesMax(), SEGMENTS, System::currentTimeMillis);
        this.statsReport = new MemcachedStatsReport(this, store, config);
    }

    static MemcachedFrontDoor start(CacheServerConfig config, Transport transport) throws InterruptedException {
        MemcachedFrontDoor door = new MemcachedFrontDoor(config, transport);
        door.listener = new ServerBootstrap()
                .group(door.group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_BUFFERS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MemcachedConnection(door.store, door));
                    }
                })
                .bind(config.bind(), config.memcachedPort())
                .sync()
                .channel();
        return door;
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    Transport transport() {
        return transport;
    }

    MemcachedStore store() {
        return store;
    }

    MemcachedStatsReport statsReport() {
        return statsReport;
    }

    boolean admit() {
        if (connected.incrementAndGet() > config.clientsMax()) {
            connected.decrementAndGet();
            rejected.incrementAndGet();
            return false;
        }
        total.incrementAndGet();
        return true;
    }

    void leave() {
        connected.decrementAndGet();
    }

    int connected() {
        return connected.get();
    }

    /** The {@code stats} lines, with memcached's names. */
    List<Map.Entry<String, Object>> stats() {
        long nowMillis = System.currentTimeMillis();
        List<Map.Entry<String, Object>> stats = new ArrayList<>(List.of(
                Map.entry("pid", ProcessHandle.current().pid()),
                Map.entry("uptime", (nowMillis - startMillis) / 1000),
                Map.entry("time", nowMillis / 1000),
                Map.entry("version", MemcachedConnection.VERSION),
                Map.entry("pointer_size", 64),
                Map.entry("max_connections", config.clientsMax()),
                Map.entry("curr_connections", connected.get()),
                Map.entry("total_connections", total.get()),
                Map.entry("rejected_connections", rejected.get()),
                Map.entry("threads", config.memcachedThreads())));
        store.stats().counters().forEach(counter -> stats.add(Map.entry(counter.getKey(), counter.getValue())));
        stats.add(Map.entry("curr_items", store.itemCount()));
        stats.add(Map.entry("bytes", store.bytes()));
        stats.add(Map.entry("limit_maxbytes", store.memoryBytesMax()));
        return stats;
    }

    void stop() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
