package sdlab.runtime.host;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.runtime.net.Backoff;
import sdlab.runtime.net.LineLog;
import sdlab.runtime.net.Transport;
import sdlab.runtime.wire.MessageCodec;
import sdlab.runtime.wire.WireFormatException;

/**
 * Runs one {@link Client} of a mechanism against a real cluster, the same client class the
 * simulator drives: its handlers run on its own event loop, it reaches the nodes over TCP, and
 * each {@link #invoke} returns the outcome the client reports, its timeouts included. Safe to
 * call from any thread.
 */
public final class ClientHost implements AutoCloseable {
    private final NodeId id;
    private final Client client;
    private final MessageCodec<? extends Message> codec;
    private final LineLog log;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final SystemClock clock = new SystemClock();
    private final RandomGenerator random;
    private final Map<Long, CompletableFuture<Outcome>> open = new HashMap<>();
    private final LoopTimers timers;
    private final Context context;
    private Transport transport;
    private long lastOpId;

    private ClientHost(NodeId id, Client client, MessageCodec<? extends Message> codec, long seed, LineLog log) {
        this.id = id;
        this.client = client;
        this.codec = codec;
        this.log = log;
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("client-" + id, true), NioIoHandler.newFactory());
        this.loop = group.next();
        this.random = Seeded.generator(seed, "random:" + id);
        this.timers = new LoopTimers(loop, this::fire);
        this.context = new Context();
    }

    /** Connects client {@code id} to {@code nodes} and starts it; it sends nothing until invoked. */
    public static <M extends Message> ClientHost start(
            NodeId id, Map<NodeId, InetSocketAddress> nodes, Client client, Class<M> family, long seed, LineLog log) {
        Objects.requireNonNull(client, "client");
        ClientHost host = new ClientHost(id, client, MessageCodec.of(family), seed, log);
        host.onLoop(() -> {
            host.transport = new Transport(
                    id,
                    host.codec.familyName(),
                    Map.of(host.codec.familyName(), host::onFrame),
                    host.loop,
                    MessageCodec.FRAME_BYTES_MAX_DEFAULT,
                    Backoff.standard(),
                    Seeded.generator(seed, "net:" + id),
                    log);
            nodes.forEach(host.transport::connect);
            host.client.onStart(host.context);
            return null;
        });
        return host;
    }

    public NodeId id() {
        return id;
    }

    /** Asks the client to perform one operation; completes with the outcome the client reports. */
    public CompletableFuture<Outcome> invoke(int process, String f, String key, Object value) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        loop.execute(() -> {
            long opId = ++lastOpId;
            open.put(opId, outcome);
            try {
                client.onInvoke(new Invocation(opId, process, f, key, value), context);
            } catch (RuntimeException e) {
                open.remove(opId);
                outcome.completeExceptionally(e);
            }
        });
        return outcome;
    }

    /** Whether this client's links to every one of {@code nodes} are connected. */
    public boolean connectedTo(Iterable<NodeId> nodes) {
        return onLoop(() -> {
            for (NodeId node : nodes) {
                if (!transport.connectedTo(node)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Override
    public void close() {
        if (!loop.isShuttingDown()) {
            onLoop(() -> {
                timers.cancelAll();
                transport.close();
                open.values().forEach(op -> op.complete(Outcome.unknown("the client was closed")));
                open.clear();
                return null;
            });
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void fire(TimerId timerId, Timer timer) {
        client.onTimer(timerId, timer, context);
    }

    private void onFrame(NodeId from, byte[] frame) throws WireFormatException {
        Message message = codec.decode(frame);
        client.onMessage(from, message, context);
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> work) {
        return OnLoop.call(loop, work);
    }

    private final class Context extends LoopContext implements ClientContext {
        Context() {
            super(id, timers, clock, random, log);
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            CompletableFuture<Outcome> op = open.remove(opId);
            if (op == null) {
                throw new IllegalStateException("operation " + opId + " was completed twice or never invoked");
            }
            op.complete(outcome);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void send(NodeId to, Message message) {
            transport.send(to, ((MessageCodec) codec).encode(message));
        }

        @Override
        public Disk disk() {
            throw new UnsupportedOperationException("a client has no disk");
        }
    }
}
