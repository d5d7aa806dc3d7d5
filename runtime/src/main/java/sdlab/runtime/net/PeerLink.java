package sdlab.runtime.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import sdlab.core.NodeId;

/**
 * This side's connection to one peer whose address it knows: connects, says hello, sends, and
 * after any loss connects again with {@link Backoff}. Frames sent while there is no connection
 * wait in a small queue (the peer may be starting) and the oldest are dropped beyond it, as a
 * network drops what it cannot carry; the protocols above already survive loss.
 *
 * <p>Used only on the transport's event loop.
 */
final class PeerLink {
    /** Frames kept while disconnected; a peer down for long loses the older ones. */
    static final int WAITING_FRAMES_MAX = 4096;

    private final Transport transport;
    private final NodeId peer;
    private final InetSocketAddress address;
    private final Bootstrap bootstrap;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    private Channel channel;
    private int failures;
    private boolean closed;
    private boolean everConnected;

    PeerLink(Transport transport, NodeId peer, InetSocketAddress address, Bootstrap bootstrap) {
        this.transport = transport;
        this.peer = peer;
        this.address = address;
        this.bootstrap = bootstrap;
    }

    NodeId peer() {
        return peer;
    }

    InetSocketAddress address() {
        return address;
    }

    boolean connected() {
        return channel != null && channel.isActive();
    }

    void connect() {
        if (closed) {
            return;
        }
        ChannelFuture attempt = bootstrap.connect(address);
        attempt.addListener(done -> {
            if (done.isSuccess()) {
                onConnected(attempt.channel());
            } else {
                retryLater();
            }
        });
    }

    void send(byte[] frame) {
        if (connected()) {
            transport.write(channel, frame);
            return;
        }
        if (waiting.size() == WAITING_FRAMES_MAX) {
            waiting.removeFirst();
            transport.countDropped();
        }
        waiting.addLast(frame);
    }

    /** Drops the connection at once, as a crashed or partitioned peer would; it reconnects later. */
    void disconnect() {
        if (channel != null) {
            channel.close();
        }
    }

    void close() {
        closed = true;
        waiting.clear();
        if (channel != null) {
            channel.close();
        }
    }

    private void onConnected(Channel connected) {
        if (closed) {
            connected.close();
            return;
        }
        channel = connected;
        long connectedAt = System.nanoTime();
        if (everConnected) {
            transport.log("reconnected to " + peer + " at " + address);
        }
        everConnected = true;
        transport.writeHello(channel);
        while (!waiting.isEmpty()) {
            transport.write(channel, waiting.removeFirst());
        }
        transport.flushSoon(channel);
        connected.closeFuture().addListener(ignored -> {
            if (channel == connected) {
                channel = null;
                // Only a connection that lasted resets the backoff: a peer that accepts and at once
                // closes (another family, a full server) must not be knocked on every few milliseconds.
                if (System.nanoTime() - connectedAt > transport.backoff().max().toNanos()) {
                    failures = 0;
                }
                if (!closed) {
                    transport.log("lost the connection to " + peer + " at " + address);
                    retryLater();
                }
            }
        });
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        Duration wait = transport.backoff().delay(failures++, transport.jitter());
        transport.loop().schedule(this::connect, wait.toNanos(), TimeUnit.NANOSECONDS);
    }
}
