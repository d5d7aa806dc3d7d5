package sdlab.cache.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.CacheEngine;
import sdlab.cache.InfoReport;

/**
 * A real cache node: the engine behind a RESP port (and optionally a memcached port), with
 * append-only and snapshot persistence. {@link #start()} loads the data files, binds and
 * returns; {@link #stop()} saves as Redis does on shutdown and releases everything.
 *
 * <h2>Threads</h2>
 *
 * One event-loop thread accepts RESP connections, reads and parses requests, executes them on
 * the engine, writes the append-only file and sends replies: commands run strictly one at a
 * time, as in Redis, and the engine needs no locks. Helper threads only touch files: the
 * once-a-second fsync and the writers of background saves and rewrites. The memcached port has
 * its own pool of threads and its own store.
 */
public final class CacheServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CacheServer.class);
    /** Redis's hz: background work (active expiry, save points, rewrites) runs ten times a second. */
    static final int CRON_HZ = 10;

    private final CacheServerConfig config;
    private final NodeFiles files;
    private Transport transport;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private EventLoopGroup group;
    private EventLoop loop;
    private CacheEngine engine;
    private Persistence persistence;
    private ClientRegistry clients;
    private ReplyFlusher flusher;
    private QueryBufferBudget queryBuffers;
    /** Allocates and fills the arrays of big bulk arguments, so that zeroing and copying them never holds the event loop. */
    private final ExecutorService bigArgumentAssembler = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cache-big-arguments");
        thread.setDaemon(true);
        return thread;
    });
    /** The direct chunks big arguments arrive into, allocated by the assembler's thread. */
    private ArgumentChunks bigArgumentChunks;

    private ChannelGroup clientChannels;
    private volatile Channel listener;
    private volatile MemcachedFrontDoor memcached;
    private volatile boolean finalSaveDone;

    public CacheServer(CacheServerConfig config) {
        this(config, NodeFiles.OS);
    }

    /** A node whose durable files go through {@code files}: tests cut the power under it. */
    CacheServer(CacheServerConfig config, NodeFiles files) {
        this.config = config;
        this.files = files;
    }

    /**
     * Loads the data files, binds the ports and returns once clients can connect.
     *
     * @throws CacheStartupException if a data file is damaged or a port cannot be bound
     */
    public synchronized CacheServer start() {
        if (group != null) {
            throw new IllegalStateException("already started");
        }
        // Resolved before anything is bound, so that a transport the machine lacks is the whole message.
        transport = Transport.resolve(config.transport());
        group = transport.newGroup(1);
        loop = group.next();
        clients = new ClientRegistry(config.clientsMax(), config.outputBufferLimits());
        queryBuffers = new QueryBufferBudget(config.queryBuffersTotalBytesMax());
        bigArgumentChunks = new ArgumentChunks(
                new UnpooledByteBufAllocator(true),
                bigArgumentAssembler,
                config.queryBuffersTotalBytesMax(),
                System::nanoTime,
                NativeHeap::trim);
        clientChannels = new DefaultChannelGroup(loop);
        try {
            Files.createDirectories(config.dir());
            loop.submit(this::initEngine).get();
            listener = bindResp();
            loop.scheduleAtFixedRate(this::cron, 1000 / CRON_HZ, 1000 / CRON_HZ, TimeUnit.MILLISECONDS);
            if (config.memcachedPort() >= 0) {
                memcached = MemcachedFrontDoor.start(config, transport);
            }
        } catch (ExecutionException e) {
            abortStart();
            throw e.getCause() instanceof CacheStartupException startup
                    ? startup
                    : new CacheStartupException("cannot start: " + e.getCause(), e.getCause());
        } catch (IOException | InterruptedException | RuntimeException e) {
            abortStart();
            throw new CacheStartupException("cannot start on " + config.bind() + ":" + config.port() + ": " + e, e);
        }
        log.info(
                "Ready to accept connections on {}:{} ({}){}",
                config.bind(),
                port(),
                transport,
                memcached == null ? "" : " (memcached on port " + memcached.port() + ")");
        return this;
    }

    /** The RESP port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The memcached port actually bound, or -1 if memcached is off. */
    public int memcachedPort() {
        return memcached == null ? -1 : memcached.port();
    }

    /** The socket implementation of the memcached port, or empty if memcached is off. */
    public Optional<Transport> memcachedTransport() {
        return memcached == null ? Optional.empty() : Optional.of(memcached.transport());
    }

    /** The socket implementation of the RESP port, once started. */
    public Transport transport() {
        return transport;
    }

    public CacheServerConfig config() {
        return config;
    }

    /**
     * Stops the node: refuses new connections, closes clients, saves a snapshot if save points
     * are configured (as Redis does on SIGTERM), syncs the append-only file and stops its
     * threads. Safe to call more than once and from any thread.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStop();
            return;
        }
        if (loop != null && loop.inEventLoop()) {
            Thread stopper = new Thread(this::shutdown, "cache-stop");
            stopper.start();
            return;
        }
        shutdown();
    }

    /** Blocks until the node has stopped (after SHUTDOWN or {@link #stop()}). */
    public void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** SHUTDOWN saved already: close everything now, finish stopping on another thread. */
    void stopAfterShutdownCommand() {
        finalSaveDone = true;
        listener.close();
        clientChannels.close();
        stop();
    }

    void describeMemcached(InfoReport info) {
        if (memcached != null) {
            info.field("stats", "memcached_port", memcached.port())
                    .field("stats", "memcached_connections", memcached.connected())
                    .field("stats", "memcached_items", memcached.store().itemCount());
        }
    }

    private Void initEngine() throws IOException {
        engine = new CacheEngine(config.engine(), System::currentTimeMillis, new SplittableRandom());
        PersistenceLoader.load(config, engine, files.layer());
        persistence = new Persistence(config, engine, loop, files);
        persistence.open();
        engine.setServerHooks(new NodeHooks(this, config, persistence, clients, queryBuffers));
        flusher = new ReplyFlusher(loop, persistence::beforeReplies);
        return null;
    }

    private Channel bindResp() throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 511)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        clientChannels.add(channel);
                        channel.pipeline()
                                .addLast(new RespConnection(
                                        engine,
                                        flusher,
                                        clients,
                                        config,
                                        queryBuffers,
                                        bigArgumentAssembler,
                                        bigArgumentChunks));
                    }
                })
                .bind(config.bind(), config.port())
                .sync()
                .channel();
    }

    /**
     * Redis's serverCron: active expiry, blocked clients whose timeout passed, pending evictions,
     * save points, and the AOF buffer they filled; and the big arguments' idle chunks released.
     */
    private void cron() {
        try {
            engine.activeExpireCycle();
            engine.unblockTimedOut();
            if (engine.keyspace().maxmemoryBytes() > 0) {
                engine.evictToFit();
            }
            persistence.cron();
            bigArgumentChunks.releaseIfIdle();
        } catch (RuntimeException e) {
            log.error("background task failed", e);
        }
    }

    private void shutdown() {
        log.info("User requested shutdown...");
        if (memcached != null) {
            memcached.stop();
        }
        try {
            loop.submit(() -> {
                        listener.close();
                        clientChannels.close();
                        if (!finalSaveDone) {
                            persistence.saveForShutdown(null);
                        }
                        persistence.close();
                    })
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("error while saving for shutdown", e.getCause());
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        bigArgumentAssembler.shutdownNow();
        bigArgumentChunks.releaseAll();
        log.info("Cache node is now ready to exit, bye bye...");
        stopped.countDown();
    }

    private void abortStart() {
        if (memcached != null) {
            memcached.stop();
        }
        if (listener != null) {
            listener.close();
        }
        if (persistence != null) {
            loop.submit(persistence::close).syncUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        bigArgumentAssembler.shutdownNow();
        if (bigArgumentChunks != null) {
            bigArgumentChunks.releaseAll();
        }
        stopped.countDown();
    }
}
