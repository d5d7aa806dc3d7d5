package sdlab.cache.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;
import java.util.Optional;

/**
 * The socket implementation under a port.
 *
 * <ul>
 *   <li>{@link #IO_URING}: Linux's io_uring (kernel 5.1+, and not switched off by {@code
 *       kernel.io_uring_disabled} or a seccomp filter). Receives and sends are queued in a ring shared
 *       with the kernel, and one {@code io_uring_enter} submits the queued operations of every
 *       connection on the thread and collects the finished ones; with many busy connections that is
 *       well under one system call per request.
 *   <li>{@link #EPOLL}: epoll, edge-triggered; one {@code recvfrom} and one {@code sendto} per
 *       request plus a share of an {@code epoll_wait}, as memcached does.
 *   <li>{@link #NIO}: Java's own selector, where neither native library loads.
 * </ul>
 */
public enum Transport {
    IO_URING("io_uring"),
    EPOLL("epoll"),
    NIO("nio");

    /** The system property that picks the transport when no {@code --transport} is given. */
    static final String PROPERTY = "sdlab.cache.transport";

    /** The value that lets the node choose. */
    public static final String AUTO = "auto";

    private final String optionName;

    Transport(String optionName) {
        this.optionName = optionName;
    }

    /** The name the {@code --transport} option and {@code -Dsdlab.cache.transport} take. */
    public String optionName() {
        return optionName;
    }

    /** {@code auto} or the name of a transport, as {@code --transport} takes it; empty for anything else. */
    public static Optional<String> parseChoice(String text) {
        String name = text.toLowerCase(Locale.ROOT).replace('-', '_');
        if (name.equals(AUTO)) {
            return Optional.of(AUTO);
        }
        for (Transport transport : values()) {
            if (transport.optionName.equals(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The choice given by {@code -Dsdlab.cache.transport}, or {@code auto}. */
    static String choiceFromProperty() {
        return parseChoice(System.getProperty(PROPERTY, AUTO)).orElse(AUTO);
    }

    /**
     * The transport {@code choice} names, or for {@code auto} epoll where it loads and NIO where
     * not. io_uring is never chosen by itself: under memaslap it cut the memcached port's system
     * calls from about two per request to a fifth of one, but not its CPU per request, which is
     * what decides throughput on a machine the load generator shares (README, "Benchmarks").
     *
     * @throws CacheStartupException if {@code choice} names a transport this machine cannot run, with
     *     the reason
     */
    static Transport resolve(String choice) {
        if (choice.equals(AUTO)) {
            return EPOLL.isAvailable() ? EPOLL : NIO;
        }
        Transport named = byName(choice);
        named.unavailabilityCause().ifPresent(cause -> {
            throw new CacheStartupException(
                    "transport " + choice + " is not available here (" + cause + "); try --transport auto");
        });
        return named;
    }

    private static Transport byName(String choice) {
        for (Transport transport : values()) {
            if (transport.optionName.equals(choice)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("no transport named " + choice);
    }

    /** Whether this machine can run the transport: its native library loads and the kernel permits it. */
    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /** Why this transport cannot run here, if it cannot. */
    public Optional<String> unavailabilityCause() {
        Throwable cause =
                switch (this) {
                    case IO_URING -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
                    case EPOLL -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
                    case NIO -> null;
                };
        return Optional.ofNullable(cause).map(Throwable::toString);
    }

    EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    private IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    Class<? extends ServerChannel> serverChannel() {
        return switch (this) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }

    @Override
    public String toString() {
        return optionName;
    }
}
