package sdlab.runtime.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/**
 * The transport over real loopback sockets, between processes that each run on their own
 * single-threaded event loop, as nodes do: order, one-way faults, loss and delay, reconnection to
 * a peer that starts late or restarts, and the counters. Every wait polls with a deadline; no
 * assertion is about speed.
 */
class TransportTest {
    /** A tiny message family of its own, so that the transport is tested apart from any mechanism. */
    sealed interface Probe permits Numbered, Blob {}

    record Numbered(int seq) implements Probe {}

    record Blob(byte[] bytes) implements Probe {}

    private static final MessageCodec<Probe> CODEC = MessageCodec.of(Probe.class);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(200));
    private static final Duration WAIT_MAX = Duration.ofSeconds(10);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void framesArriveInTheOrderTheyWereSent() {
        Peer a = peer("a");
        Peer b = peer("b").listen(0);
        a.connect(b);

        // Some go while the link is still connecting and wait; the rest go straight out.
        a.sendNumbered(b.id, 0, 500);

        await("b has every frame", () -> b.inbox.size() == 500);
        assertThat(b.seqsFrom(a.id)).containsExactlyElementsOf(range(0, 500));
        assertThat(a.counts().sent()).isEqualTo(500);
        assertThat(b.counts().received()).isEqualTo(500);
        assertThat(b.counts().accepted()).isEqualTo(1);
    }

    @Test
    void aOneWayFaultDropsFramesToThePeerWhileItsFramesStillArrive() {
        Peer a = peer("a").listen(0);
        Peer b = peer("b").listen(0);
        linkBothWays(a, b);

        a.setFaults(NetworkFaults.NONE.withBlocked(List.of(b.id), List.of()));
        a.sendNumbered(b.id, 0, 10);
        b.sendNumbered(a.id, 0, 10);
        await("a has b's frames", () -> a.inbox.size() == 10);
        a.setFaults(NetworkFaults.NONE);
        a.sendNumbered(b.id, 100, 1);

        // The marker was sent last on the same connection: any blocked frame would be before it.
        await("b has the marker", () -> !b.inbox.isEmpty());
        assertThat(b.seqsFrom(a.id)).containsExactly(100);
        assertThat(a.seqsFrom(b.id)).containsExactlyElementsOf(range(0, 10));
        assertThat(a.counts().faultDropped()).isEqualTo(10);
        assertThat(b.counts().faultDropped()).isZero();
    }

    @Test
    void aReceiverThatBlocksASenderDropsItsFramesOnArrival() {
        Peer a = peer("a");
        Peer b = peer("b").listen(0);
        a.connect(b);
        await("a's link is up", () -> a.connectedTo(b.id));

        b.setFaults(NetworkFaults.NONE.withBlocked(List.of(), List.of(a.id)));
        a.sendNumbered(b.id, 0, 10);

        await("b dropped all ten", () -> b.counts().faultDropped() == 10);
        assertThat(a.counts().sent()).isEqualTo(10);
        assertThat(b.counts().received()).isZero();
        assertThat(b.inbox).isEmpty();

        b.setFaults(NetworkFaults.NONE);
        a.sendNumbered(b.id, 100, 1);
        await("b has the marker", () -> !b.inbox.isEmpty());
        assertThat(b.seqsFrom(a.id)).containsExactly(100);
    }

    @Test
    void aLossRateOfOneDropsEveryFrameBeforeItLeaves() {
        Peer a = peer("a");
        Peer b = peer("b").listen(0);
        a.connect(b);
        await("a's link is up", () -> a.connectedTo(b.id));

        a.setFaults(NetworkFaults.NONE.withLoss(1.0));
        a.sendNumbered(b.id, 0, 50);
        a.setFaults(NetworkFaults.NONE);
        a.sendNumbered(b.id, 100, 1);

        await("b has the marker", () -> !b.inbox.isEmpty());
        assertThat(b.seqsFrom(a.id)).containsExactly(100);
        assertThat(a.counts().faultDropped()).isEqualTo(50);
        assertThat(a.counts().sent()).isEqualTo(1);
    }

    @Test
    void anAddedDelayHoldsEveryFrameAtLeastThatLongAndKeepsTheirOrder() {
        Peer a = peer("a");
        Peer b = peer("b").listen(0);
        a.connect(b);
        await("a's link is up", () -> a.connectedTo(b.id));
        long delayMillis = 150;

        a.setFaults(NetworkFaults.NONE.withDelay(delayMillis));
        long sentNanos = a.onLoop(() -> {
            long now = System.nanoTime();
            for (int seq = 0; seq < 5; seq++) {
                a.transport.send(b.id, CODEC.encode(new Numbered(seq)));
            }
            return now;
        });

        await("b has the delayed frames", () -> b.inbox.size() == 5);
        assertThat(b.seqsFrom(a.id)).containsExactlyElementsOf(range(0, 5));
        for (Received frame : b.inbox) {
            assertThat(Duration.ofNanos(frame.arrivalNanos() - sentNanos))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(delayMillis));
        }
    }

    @Test
    void aLinkToAPeerNotYetListeningConnectsOnceItStartsAndDeliversTheNewestWaitingFrames() {
        int port = freePort();
        Peer a = peer("a");
        NodeId bId = NodeId.of("b");
        a.connect(bId, new InetSocketAddress("127.0.0.1", port));
        int beyond = 10;
        a.sendNumbered(bId, 0, PeerLink.WAITING_FRAMES_MAX + beyond);
        assertThat(a.connectedTo(bId)).isFalse();
        assertThat(a.counts().sent()).isZero();
        assertThat(a.counts().backlogDropped()).isEqualTo(beyond);

        Peer b = peer("b").listen(port);

        await("b has the waiting frames", () -> b.inbox.size() == PeerLink.WAITING_FRAMES_MAX);
        assertThat(b.seqsFrom(a.id)).containsExactlyElementsOf(range(beyond, beyond + PeerLink.WAITING_FRAMES_MAX));
        assertThat(a.counts().sent()).isEqualTo(PeerLink.WAITING_FRAMES_MAX);
    }

    @Test
    void aLinkReconnectsAfterThePeerRestartsOnTheSamePort() {
        Peer a = peer("a").listen(0);
        Peer b = peer("b").listen(0);
        linkBothWays(a, b);
        a.sendNumbered(b.id, 0, 1);
        await("b has the first frame", () -> b.inbox.size() == 1);

        b.close();
        Peer restarted = peer("b").listen(b.port);
        restarted.connect(a);
        await("a's link reached the new b", () -> restarted.counts().accepted() >= 1);
        a.sendNumbered(b.id, 1, 10);
        restarted.sendNumbered(a.id, 0, 10);

        await("the new b has a's frames", () -> restarted.inbox.size() == 10);
        assertThat(restarted.seqsFrom(a.id)).containsExactlyElementsOf(range(1, 11));
        await("a has the new b's frames", () -> a.inbox.size() == 10);
        assertThat(a.seqsFrom(b.id)).containsExactlyElementsOf(range(0, 10));
        assertThat(log).anyMatch(line -> line.startsWith("reconnected to b"));
    }

    @Test
    void aClientIsAnsweredOnTheConnectionItOpenedUntilItLeaves() {
        Peer node = peer("node").listen(0);
        Peer client = peer("client");
        client.connect(node);

        client.sendNumbered(node.id, 1, 1);
        await("the node heard the client", () -> node.inbox.size() == 1);
        node.sendNumbered(client.id, 2, 1);
        await("the client has the answer", () -> client.inbox.size() == 1);
        assertThat(client.seqsFrom(node.id)).containsExactly(2);

        client.close();
        await("the node saw the client leave", () -> !node.connectedTo(client.id));
        node.sendNumbered(client.id, 3, 1);
        node.sendNumbered(NodeId.of("never-seen"), 4, 1);
        assertThat(node.counts().unroutable()).isEqualTo(2);
        assertThat(node.counts().sent()).isEqualTo(1);
    }

    /** A paused peer costs its sender the high-water mark of memory at most: beyond it, frames are dropped. */
    @Test
    void framesToAPeerThatStopsReadingAreDroppedBeyondTheHighWaterMark() throws IOException {
        try (ServerSocket stuck = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    accepted.add(stuck.accept());
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            Peer a = peer("a");
            NodeId paused = NodeId.of("paused");
            a.connect(paused, (InetSocketAddress) stuck.getLocalSocketAddress());
            await("a's link is up", () -> a.connectedTo(paused));

            byte[] mebibyte = CODEC.encode(new Blob(new byte[1024 * 1024]));
            int offered = 0;
            while (a.counts().backlogDropped() == 0 && offered < 200) {
                a.onLoop(() -> {
                    a.transport.send(paused, mebibyte);
                    return null;
                });
                offered++;
            }

            assertThat(a.counts().backlogDropped())
                    .as("dropped after %d MiB offered", offered)
                    .isPositive();
            assertThat(a.counts().sent() + a.counts().backlogDropped()).isEqualTo(offered);
            for (Socket socket : accepted) {
                socket.close();
            }
            acceptor.interrupt();
        }
    }

    // ---- the processes ----

    /** What a process's receiver got, and when. */
    record Received(NodeId from, Probe probe, long arrivalNanos) {}

    /** Counters copied on the loop. */
    record Counts(long sent, long received, long accepted, long unroutable, long backlogDropped, long faultDropped) {}

    /** One process: its own single-threaded event loop and its transport, as a node host has. */
    private final class Peer implements AutoCloseable {
        final NodeId id;
        final List<Received> inbox = new CopyOnWriteArrayList<>();
        final Transport transport;
        int port;
        private final EventLoopGroup group;
        private final EventLoop loop;
        private boolean closed;

        Peer(String name) {
            this.id = NodeId.of(name);
            this.group = new MultiThreadIoEventLoopGroup(
                    1, new DefaultThreadFactory("test-" + name, true), NioIoHandler.newFactory());
            this.loop = group.next();
            this.transport = onLoop(() -> new Transport(
                    id,
                    CODEC.familyName(),
                    Map.of(CODEC.familyName(), this::onFrame),
                    loop,
                    MessageCodec.FRAME_BYTES_MAX_DEFAULT,
                    FAST,
                    new SplittableRandom(name.hashCode()),
                    line -> log.add(line)));
        }

        Peer listen(int wanted) {
            port = onLoop(() -> transport.listen(new InetSocketAddress("127.0.0.1", wanted)))
                    .orTimeout(WAIT_MAX.toSeconds(), TimeUnit.SECONDS)
                    .join()
                    .getPort();
            return this;
        }

        void connect(Peer other) {
            connect(other.id, new InetSocketAddress("127.0.0.1", other.port));
        }

        void connect(NodeId other, InetSocketAddress address) {
            onLoop(() -> {
                transport.connect(other, address);
                return null;
            });
        }

        void sendNumbered(NodeId to, int firstSeq, int count) {
            onLoop(() -> {
                for (int seq = firstSeq; seq < firstSeq + count; seq++) {
                    transport.send(to, CODEC.encode(new Numbered(seq)));
                }
                return null;
            });
        }

        void setFaults(NetworkFaults faults) {
            onLoop(() -> {
                transport.setFaults(faults);
                return null;
            });
        }

        boolean connectedTo(NodeId other) {
            return onLoop(() -> transport.connectedTo(other));
        }

        Counts counts() {
            return onLoop(() -> {
                TransportCounters c = transport.counters();
                return new Counts(
                        c.sent(), c.received(), c.accepted(), c.unroutable(), c.backlogDropped(), c.faultDropped());
            });
        }

        List<Integer> seqsFrom(NodeId from) {
            assertThat(inbox).allMatch(frame -> frame.from().equals(from));
            return inbox.stream().map(frame -> ((Numbered) frame.probe()).seq()).toList();
        }

        <T> T onLoop(Callable<T> work) {
            try {
                return loop.submit(work).get(WAIT_MAX.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("work on " + id + "'s loop failed", e);
            }
        }

        /** Stops the process: its transport closes every connection and its loop ends. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            onLoop(() -> {
                transport.close();
                return null;
            });
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        private void onFrame(NodeId from, byte[] frame) throws WireFormatException {
            inbox.add(new Received(from, CODEC.decode(frame), System.nanoTime()));
        }
    }

    private Peer peer(String name) {
        Peer peer = new Peer(name);
        toClose.add(peer);
        return peer;
    }

    private void linkBothWays(Peer a, Peer b) {
        a.connect(b);
        b.connect(a);
        await("both links are up", () -> a.connectedTo(b.id) && b.connectedTo(a.id));
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_MAX.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_MAX.toSeconds() + " s: " + what + "; log: " + log);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
