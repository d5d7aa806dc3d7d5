package sdlab.runtime.cluster;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import sdlab.core.NodeId;
import sdlab.runtime.host.ControlMessages.Control;
import sdlab.runtime.host.ControlMessages.FaultsSet;
import sdlab.runtime.host.ControlMessages.Reply;
import sdlab.runtime.host.ControlMessages.Request;
import sdlab.runtime.host.ControlMessages.SetFaults;
import sdlab.runtime.host.ControlMessages.Status;
import sdlab.runtime.host.ControlMessages.StatusRequest;
import sdlab.runtime.net.Backoff;
import sdlab.runtime.net.LineLog;
import sdlab.runtime.net.NetworkFaults;
import sdlab.runtime.net.Transport;
import sdlab.runtime.wire.MessageCodec;

/**
 * An operator's connection to the nodes of a cluster: asks each how it is and sets the faults
 * its transport applies. A node that does not answer in time (down, paused, or partitioned
 * from nobody, since operators are never partitioned) gives an empty answer, not an error.
 */
public final class ControlClient implements AutoCloseable {
    private static final MessageCodec<Control> CODEC = MessageCodec.of(Control.class);

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Transport transport;
    private final Map<Long, CompletableFuture<Reply>> waiting = new HashMap<>();
    private long lastRequestId;

    public ControlClient(Map<NodeId, InetSocketAddress> nodes, LineLog log) {
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("sdlab-control", true), NioIoHandler.newFactory());
        this.loop = group.next();
        NodeId self = NodeId.of("operator-" + ProcessHandle.current().pid());
        this.transport = new Transport(
                self,
                CODEC.familyName(),
                Map.of(CODEC.familyName(), this::onFrame),
                loop,
                MessageCodec.FRAME_BYTES_MAX_DEFAULT,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(200)),
                new SplittableRandom(ProcessHandle.current().pid()),
                log);
        loop.execute(() -> nodes.forEach(transport::connect));
    }

    /** How {@code node} is, or empty if it did not answer within {@code wait}. */
    public Optional<Status> status(NodeId node, Duration wait) {
        return ask(node, StatusRequest::new, wait).map(Status.class::cast);
    }

    /** Sets {@code node}'s network faults; false if it did not confirm within {@code wait}. */
    public boolean setFaults(NodeId node, NetworkFaults faults, Duration wait) {
        return ask(node, id -> new SetFaults(id, faults), wait)
                .filter(FaultsSet.class::isInstance)
                .isPresent();
    }

    @Override
    public void close() {
        loop.execute(transport::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Optional<Reply> ask(NodeId node, LongFunction<Request> request, Duration wait) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        long deadline = System.nanoTime() + wait.toNanos();
        loop.execute(() -> {
            long requestId = ++lastRequestId;
            waiting.put(requestId, reply);
            sendUntilAnswered(node, CODEC.encode(request.apply(requestId)), requestId, deadline);
        });
        try {
            return Optional.of(reply.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            loop.execute(() -> waiting.values().remove(reply));
        }
    }

    /** Sends once connected; a request sent before the link is up would wait in its queue anyway, resent for safety. */
    private void sendUntilAnswered(NodeId node, byte[] frame, long requestId, long deadline) {
        if (!waiting.containsKey(requestId) || System.nanoTime() > deadline) {
            return;
        }
        if (transport.connectedTo(node)) {
            transport.sendUnfaulted(node, frame);
            return;
        }
        loop.schedule(() -> sendUntilAnswered(node, frame, requestId, deadline), 10, TimeUnit.MILLISECONDS);
    }

    private void onFrame(NodeId from, byte[] frame) throws sdlab.runtime.wire.WireFormatException {
        if (CODEC.decode(frame) instanceof Reply reply) {
            CompletableFuture<Reply> waiter = waiting.remove(requestIdOf(reply));
            if (waiter != null) {
                waiter.complete(reply);
            }
        }
    }

    private static long requestIdOf(Reply reply) {
        return switch (reply) {
            case Status status -> status.requestId();
            case FaultsSet set -> set.requestId();
        };
    }
}
