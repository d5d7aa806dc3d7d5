package sdlab.traffic.gateway;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idle keep-alive connections to one upstream server, kept per event loop: a client connection
 * and the upstream connection serving it share one event loop, so a request is proxied without
 * a thread hop and each loop's deque is touched by that loop alone (no locks on the hot path).
 * At most {@code idleMax} idle connections per loop; more are closed.
 */
final class ConnectionPool {
    private final int idleMax;
    private final ConcurrentHashMap<EventLoop, ArrayDeque<Channel>> idleByLoop = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionPool(int idleMax) {
        this.idleMax = idleMax;
    }

    /** An idle, still open connection on {@code loop}, or null; call on {@code loop}. */
    Channel poll(EventLoop loop) {
        ArrayDeque<Channel> idle = idleByLoop.get(loop);
        if (idle == null) {
            return null;
        }
        for (Channel channel = idle.pollLast(); channel != null; channel = idle.pollLast()) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** Returns a connection after a complete exchange; closes it if the pool is full or closed. */
    void offer(Channel channel) {
        ArrayDeque<Channel> idle = idleByLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayDeque<>());
        if (closed || !channel.isActive() || idle.size() >= idleMax) {
            channel.close();
            return;
        }
        idle.addLast(channel);
    }

    /** Closes every idle connection (each on its own loop) and refuses new ones: draining. */
    void closeIdle() {
        closed = true;
        idleByLoop.forEach((loop, idle) -> loop.execute(() -> {
            for (Channel channel = idle.poll(); channel != null; channel = idle.poll()) {
                channel.close();
            }
        }));
    }
}
