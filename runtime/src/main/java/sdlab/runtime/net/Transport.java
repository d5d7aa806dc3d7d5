package sdlab.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import sdlab.core.NodeId;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/**
 * Frames between one process and the others, over TCP. A node listens on its address and keeps
 * one {@link PeerLink} to every peer whose address it knows; a client keeps links to the nodes
 * and never listens. Each direction between two nodes is its own connection (each sends on the
 * link it opened), which is what lets a one-way partition drop one direction only. A node
 * answers a client on the connection the client opened, learnt from its hello.
 *
 * <p>All of it runs on one event loop, the same one that calls the node's handlers, so nothing
 * here is shared between threads. Writes are flushed once per turn of the loop (see
 * {@link #flushSoon}), not once per frame. A connection whose peer stops reading fills to the
 * high-water mark and further frames to it are dropped: a paused peer costs memory up to that
 * mark, never more.
 */
public final class Transport implements AutoCloseable {
    /** Hands a received frame, still encoded, to whoever speaks its family. Called on the loop. */
    @FunctionalInterface
    public interface Receiver {
        void onFrame(NodeId from, byte[] frame) throws WireFormatException;
    }

    /** Bytes queued on one connection beyond which frames to it are dropped. */
    static final int WRITE_HIGH_WATER_BYTES = 8 * 1024 * 1024;

    private static final MessageCodec<Handshake> HANDSHAKE = MessageCodec.of(Handshake.class, 4096);

    private final NodeId self;
    private final String family;
    private final Map<String, Receiver> receivers;
    private final EventLoop loop;
    private final int frameBytesMax;
    private final Backoff backoff;
    private final RandomGenerator jitter;
    private final LineLog log;
    private final byte[] hello;
    private final Bootstrap connector;
    private final Map<NodeId, PeerLink> links = new HashMap<>();
    private final Map<NodeId, Channel> acceptedRoutes = new HashMap<>();
    private final Map<Channel, String> acceptedFamilies = new HashMap<>();
    private final Set<Channel> unflushed = new LinkedHashSet<>();
    private final TransportCounters counters = new TransportCounters();
    private NetworkFaults faults = NetworkFaults.NONE;
    private boolean flushScheduled;
    private Channel server;

    /**
     * @param self this process's id, sent in every hello
     * @param family the wire name of the family this process speaks on the links it opens
     * @param receivers who handles frames of each family this process accepts ({@code family}'s
     *     receiver also gets the frames that come back on the links it opened)
     * @param loop the single-threaded loop everything runs on
     * @param jitter draws the backoff's jitter and the loss of frames under {@link NetworkFaults}
     */
    public Transport(
            NodeId self,
            String family,
            Map<String, Receiver> receivers,
            EventLoop loop,
            int frameBytesMax,
            Backoff backoff,
            RandomGenerator jitter,
            LineLog log) {
        this.self = Objects.requireNonNull(self, "self");
        this.family = Objects.requireNonNull(family, "family");
        this.receivers = Map.copyOf(receivers);
        if (!this.receivers.containsKey(family)) {
            throw new IllegalArgumentException("no receiver for this process's own family " + family);
        }
        this.loop = loop;
        this.frameBytesMax = frameBytesMax;
        this.backoff = backoff;
        this.jitter = jitter;
        this.log = log;
        this.hello = HANDSHAKE.encode(new Handshake.Hello(self.name(), family));
        this.connector = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark());
    }

    /** Starts listening on {@code address}; the future completes with the address bound (port 0 picks one). */
    public CompletableFuture<InetSocketAddress> listen(InetSocketAddress address) {
        ServerBootstrap acceptor = new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
                .childHandler(handlers(null));
        CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
        ChannelFuture binding = acceptor.bind(address);
        binding.addListener(done -> {
            if (done.isSuccess()) {
                server = binding.channel();
                bound.complete((InetSocketAddress) server.localAddress());
            } else {
                bound.completeExceptionally(done.cause());
            }
        });
        return bound;
    }

    /** Opens a link to {@code peer} and keeps it open; call once per peer, on the loop. */
    public void connect(NodeId peer, InetSocketAddress address) {
        if (links.containsKey(peer)) {
            throw new IllegalStateException("already linked to " + peer);
        }
        Bootstrap bootstrap = connector.clone().handler(handlers(peer));
        PeerLink link = new PeerLink(this, peer, address, bootstrap);
        links.put(peer, link);
        link.connect();
    }

    /**
     * Sends one encoded frame to {@code to}: on this side's link to it if there is one, else on
     * the connection it opened to us. With no route, or under a fault, the frame is dropped.
     */
    public void send(NodeId to, byte[] frame) {
        if (faults.blockedTo().contains(to) || (faults.lossRate() > 0 && jitter.nextDouble() < faults.lossRate())) {
            counters.faultDropped++;
            return;
        }
        if (faults.delayMillis() > 0) {
            loop.schedule(() -> route(to, frame), faults.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            route(to, frame);
        }
    }

    /**
     * Sends a frame that no network fault touches: an operator's answers must get through the
     * faults it is asked about, as a test harness's control network does in Jepsen.
     */
    public void sendUnfaulted(NodeId to, byte[] frame) {
        route(to, frame);
    }

    /** Applies new network faults to every frame sent or received from now on. */
    public void setFaults(NetworkFaults faults) {
        this.faults = Objects.requireNonNull(faults, "faults");
        log("network faults now: " + faults);
    }

    public NetworkFaults faults() {
        return faults;
    }

    /** Whether this side's link to {@code peer} is connected. */
    public boolean connectedTo(NodeId peer) {
        PeerLink link = links.get(peer);
        return link != null ? link.connected() : acceptedRoutes.containsKey(peer);
    }

    public TransportCounters counters() {
        return counters;
    }

    /** Stops listening and closes every connection. Call on the loop. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        links.values().forEach(PeerLink::close);
        // Copied first: closing a connection runs its handler, which edits these maps.
        List.copyOf(acceptedRoutes.values()).forEach(Channel::close);
        List.copyOf(acceptedFamilies.keySet()).forEach(Channel::close);
    }

    // Package-private hooks for the links and the frame handlers.

    void write(Channel channel, byte[] frame) {
        if (!channel.isWritable()) {
            counters.backlogDropped++;
            return;
        }
        channel.write(Unpooled.wrappedBuffer(frame), channel.voidPromise());
        counters.sent++;
        flushSoon(channel);
    }

    /** Opens a connection this side made: the hello, not counted as a frame sent. */
    void writeHello(Channel channel) {
        channel.write(Unpooled.wrappedBuffer(hello), channel.voidPromise());
        flushSoon(channel);
    }

    /** Flushes {@code channel} at the end of this turn of the loop, with every other frame written in it. */
    void flushSoon(Channel channel) {
        unflushed.add(channel);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(this::flushAll);
        }
    }

    /** The first frame of a connection this side accepted: the hello. Returns who sent it. */
    NodeId accepted(Channel channel, byte[] frame) throws WireFormatException {
        Handshake.Hello hello =
                switch (HANDSHAKE.decode(frame)) {
                    case Handshake.Hello h -> h;
                };
        if (!receivers.containsKey(hello.family())) {
            throw new WireFormatException(
                    hello.from() + " speaks " + hello.family() + ", this process speaks " + receivers.keySet(), 0);
        }
        NodeId from;
        try {
            from = NodeId.of(hello.from());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("a hello with a blank name", 0);
        }
        Channel previous = acceptedRoutes.put(from, channel);
        if (previous != null && previous != channel && !links.containsKey(from)) {
            // A client reconnected: its old connection is dead even if we have not noticed yet. Not
            // done for a peer node: a stranger claiming its name must not cut the real one off (a
            // node's replies to peers go over its own links anyway).
            previous.close();
        }
        acceptedFamilies.put(channel, hello.family());
        counters.accepted++;
        return from;
    }

    void received(NodeId from, byte[] frame, Channel channel) throws WireFormatException {
        if (faults.blockedFrom().contains(from)) {
            counters.faultDropped++;
            return;
        }
        counters.countReceived(from);
        String spoken = acceptedFamilies.getOrDefault(channel, family);
        receivers.get(spoken).onFrame(from, frame);
    }

    void closed(NodeId peer, Channel channel) {
        acceptedFamilies.remove(channel);
        acceptedRoutes.remove(peer, channel);
        unflushed.remove(channel);
    }

    void countDropped() {
        counters.backlogDropped++;
    }

    Backoff backoff() {
        return backoff;
    }

    RandomGenerator jitter() {
        return jitter;
    }

    EventLoop loop() {
        return loop;
    }

    void log(String line) {
        log.line(line);
    }

    private void route(NodeId to, byte[] frame) {
        PeerLink link = links.get(to);
        if (link != null) {
            link.send(frame);
            return;
        }
        Channel accepted = acceptedRoutes.get(to);
        if (accepted != null && accepted.isActive()) {
            write(accepted, frame);
        } else {
            counters.unroutable++;
        }
    }

    private void flushAll() {
        flushScheduled = false;
        for (Channel channel : unflushed) {
            channel.flush();
        }
        unflushed.clear();
    }

    private ChannelInitializer<SocketChannel> handlers(NodeId peer) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new FrameHandler(Transport.this, frameBytesMax, peer));
            }
        };
    }

    private static WriteBufferWaterMark waterMark() {
        return new WriteBufferWaterMark(WRITE_HIGH_WATER_BYTES / 2, WRITE_HIGH_WATER_BYTES);
    }
}
