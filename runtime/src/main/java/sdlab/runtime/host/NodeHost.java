package sdlab.runtime.host;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.runtime.disk.FileDisk;
import sdlab.runtime.host.ControlMessages.Control;
import sdlab.runtime.net.Backoff;
import sdlab.runtime.net.LineLog;
import sdlab.runtime.net.NetworkFaults;
import sdlab.runtime.net.Transport;
import sdlab.runtime.net.TransportCounters;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/**
 * Runs one {@link Node} for real: its handlers are called one at a time on one Netty event
 * loop, which also carries its connections and fires its timers; its {@link NodeContext} sends
 * over TCP, reads a monotonic clock, draws from a generator seeded with the settings' seed, and
 * writes to a {@link FileDisk} in the data directory. The node's code is the simulator's, unchanged.
 *
 * <p>A restart is a new host over the same data directory: the node is made afresh by its
 * factory and started with {@code restarted == true} when the directory holds the mark of an
 * earlier life. Anything the node's code throws, and any failed sync, stops the node
 * ({@link FailStop}); bad frames from the network only close their connection.
 */
public final class NodeHost implements AutoCloseable {
    /** The mark a node leaves in its data directory on first start, so that a restart knows itself. */
    static final String STARTED_MARK = ".sdlab-node";

    private final NodeSettings settings;
    private final MessageCodec<? extends Message> codec;
    private final LineLog log;
    private final FailStop failStop;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ExecutorService syncer;
    private final SystemClock clock = new SystemClock();
    private final RandomGenerator random;
    private final long startNanos;
    private final Node node;
    private Transport transport;
    private FileDisk disk;
    private LoopTimers timers;
    private Context context;
    private boolean restarted;
    private volatile boolean stopped;
    /** Set once the process has opened its client-facing ports too ({@link #markServing}). */
    private volatile boolean serving;

    private volatile LocalClients localClients;

    private NodeHost(
            NodeSettings settings,
            NodeFactory factory,
            MessageCodec<? extends Message> codec,
            LineLog log,
            FailStop failStop) {
        this.settings = settings;
        this.codec = codec;
        this.log = log;
        this.failStop = failStop;
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("node-" + settings.id()), NioIoHandler.newFactory());
        this.loop = group.next();
        this.syncer = Executors.newSingleThreadExecutor(new DefaultThreadFactory("sync-" + settings.id(), true));
        this.random = Seeded.generator(settings.seed(), "random:" + settings.id());
        this.startNanos = clock.nowNanos();
        this.node = factory.create(settings.id());
    }

    /**
     * Starts a node: opens its disk, listens on its address, links to its peers and calls
     * {@link Node#onStart}. Returns once it listens.
     *
     * @param family the root of the node's message family, the one its codec is built over
     */
    public static <M extends Message> NodeHost start(
            NodeSettings settings, NodeFactory factory, Class<M> family, LineLog log, FailStop failStop)
            throws IOException, InterruptedException {
        Objects.requireNonNull(factory, "factory");
        NodeHost host = new NodeHost(settings, factory, MessageCodec.of(family), log, failStop);
        try {
            host.startOnLoop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
        return host;
    }

    public NodeId id() {
        return settings.id();
    }

    /** The address this node listens on. */
    public InetSocketAddress address() {
        return settings.listenAddress();
    }

    /** Every node's address, this one's included: where a front door in this process reaches the others. */
    public Map<NodeId, InetSocketAddress> cluster() {
        return settings.cluster();
    }

    /** Whether this life found the files of an earlier one. */
    public boolean restarted() {
        return restarted;
    }

    /** How many of its peers this node's links are connected to now. Safe from any thread. */
    public int connectedPeerCount() {
        return OnLoop.call(
                loop, () -> transport == null ? 0 : status(0).connectedPeers().size());
    }

    /** Frames this node has received from each sender, by name. Safe from any thread. */
    public Map<String, Long> framesReceivedFrom() {
        return OnLoop.call(loop, () -> receivedFrom(transport.counters()));
    }

    /** The event loop that runs the node: a front door in this process may put its connections on it. */
    public EventLoop loop() {
        return loop;
    }

    /** Routes the node's messages for {@code clients}' ids to them, in memory. Safe from any thread. */
    public void attachLocalClients(LocalClients clients) {
        this.localClients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Hands the node a message from a client in this process, on the node's loop, as if it had
     * come over the network from {@code from}. Safe from any thread.
     */
    public void deliverLocal(NodeId from, Message message) {
        Objects.requireNonNull(message, "message");
        if (loop.inEventLoop()) {
            call("onMessage from " + from, () -> node.onMessage(from, message, context));
        } else {
            loop.execute(() -> call("onMessage from " + from, () -> node.onMessage(from, message, context)));
        }
    }

    /** Replaces the network faults this node's transport applies. Safe from any thread. */
    public void setFaults(NetworkFaults faults) {
        OnLoop.call(loop, () -> {
            transport.setFaults(faults);
            return null;
        });
    }

    /**
     * Stops the node as a crash would: nothing is synced on the way out, and whatever the node
     * had not synced may or may not be on the device.
     */
    @Override
    public void close() {
        stopped = true;
        if (!loop.isShuttingDown()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    if (timers != null) {
                        timers.cancelAll();
                    }
                    if (transport != null) {
                        transport.close();
                    }
                } finally {
                    done.complete(null);
                }
            });
            done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        syncer.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (disk != null) {
            disk.close();
        }
    }

    private void startOnLoop() throws IOException, InterruptedException {
        Path directory = settings.dataDirectory();
        Files.createDirectories(directory);
        restarted = Files.exists(directory.resolve(STARTED_MARK));
        disk = FileDisk.open(directory, syncer, new FileDisk.SyncListener() {
            @Override
            public void synced(long syncId) {
                loop.execute(() -> call("onSynced", () -> node.onSynced(syncId, context)));
            }

            @Override
            public void failed(long syncId, IOException cause) {
                loop.execute(() -> fail("sync " + syncId, cause));
            }
        });
        if (!restarted) {
            markStarted(directory);
        }
        CompletableFuture<InetSocketAddress> listening = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                timers = new LoopTimers(loop, (id, timer) -> call("onTimer", () -> node.onTimer(id, timer, context)));
                MessageCodec<Control> control = MessageCodec.of(Control.class);
                ControlEndpoint controlEndpoint = new ControlEndpoint(this, control);
                transport = new Transport(
                        settings.id(),
                        codec.familyName(),
                        Map.of(codec.familyName(), this::onFrame, control.familyName(), controlEndpoint::onFrame),
                        loop,
                        MessageCodec.FRAME_BYTES_MAX_DEFAULT,
                        Backoff.standard(),
                        Seeded.generator(settings.seed(), "net:" + settings.id()),
                        log);
                controlEndpoint.attach(transport);
                for (Map.Entry<NodeId, InetSocketAddress> peer :
                        settings.cluster().entrySet()) {
                    if (!peer.getKey().equals(settings.id())) {
                        transport.connect(peer.getKey(), peer.getValue());
                    }
                }
                context = new Context();
                call("onStart", () -> node.onStart(context, restarted));
                // Listening only after onStart: no message reaches a node that has not started.
                transport.listen(settings.listenAddress()).whenComplete((bound, failure) -> {
                    if (failure != null) {
                        listening.completeExceptionally(failure);
                    } else {
                        log.line(settings.id() + (restarted ? " restarted" : " started") + ", listening on " + bound
                                + ", data in " + disk.directory());
                        listening.complete(bound);
                    }
                });
            } catch (RuntimeException e) {
                listening.completeExceptionally(e);
            }
        });
        try {
            listening.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new IOException(
                        "node " + settings.id() + " cannot listen on " + settings.listenAddress() + ": "
                                + io.getMessage(),
                        io);
            }
            throw new IOException("node " + settings.id() + " could not start: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("node " + settings.id() + " did not start within 10 s", e);
        }
    }

    /** The mark is synced with its directory entry before the node first starts, so a restart always sees it. */
    private static void markStarted(Path directory) throws IOException {
        Path mark = directory.resolve(STARTED_MARK);
        try (FileChannel channel = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try (FileChannel entries = FileChannel.open(directory, StandardOpenOption.READ)) {
            entries.force(true);
        }
    }

    private void onFrame(NodeId from, byte[] frame) throws WireFormatException {
        Message message = codec.decode(frame);
        call("onMessage from " + from, () -> node.onMessage(from, message, context));
    }

    /** Calls into the node; whatever it throws stops the node. */
    private void call(String what, Runnable handler) {
        if (stopped) {
            return;
        }
        try {
            handler.run();
        } catch (RuntimeException | Error e) {
            fail(what, e);
        }
    }

    private void fail(String what, Throwable cause) {
        if (stopped) {
            return;
        }
        stopped = true;
        log.line(settings.id() + " failed in " + what + ": " + cause);
        failStop.stop(what, cause);
    }

    /** Answers for the control endpoint; called on the loop. */
    ControlMessages.Status status(long requestId) {
        List<String> connected = new ArrayList<>();
        for (NodeId peer : settings.cluster().keySet()) {
            if (!peer.equals(settings.id()) && transport.connectedTo(peer)) {
                connected.add(peer.name());
            }
        }
        connected.sort(null);
        TransportCounters counters = transport.counters();
        return new ControlMessages.Status(
                requestId,
                settings.id().name(),
                ProcessHandle.current().pid(),
                restarted,
                Duration.ofNanos(clock.nowNanos() - startNanos).toMillis(),
                connected,
                transport.faults(),
                counters.sent(),
                counters.received(),
                receivedFrom(counters),
                counters.backlogDropped() + counters.faultDropped() + counters.unroutable(),
                serving);
    }

    /**
     * Says the process now serves its clients: called once its front door (if any) listens, so that whoever waits for
     * the node to be ready does not connect to a client port that is not open yet.
     */
    public void markServing() {
        serving = true;
    }

    private static Map<String, Long> receivedFrom(TransportCounters counters) {
        Map<String, Long> byName = new TreeMap<>();
        counters.receivedFrom().forEach((id, count) -> byName.put(id.name(), count));
        return byName;
    }

    private final class Context extends LoopContext {
        Context() {
            super(settings.id(), timers, clock, random, log);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void send(NodeId to, Message message) {
            LocalClients local = localClients;
            if (local != null && local.owns(to)) {
                local.deliver(to, message);
                return;
            }
            byte[] frame = ((MessageCodec) codec).encode(message);
            if (to.equals(settings.id())) {
                // Delivered on a later turn of the loop, never inside the handler that sent it.
                loop.execute(() -> {
                    try {
                        onFrame(to, frame);
                    } catch (WireFormatException e) {
                        fail("a message to itself", e);
                    }
                });
            } else {
                transport.send(to, frame);
            }
        }

        @Override
        public Disk disk() {
            return disk;
        }
    }
}
