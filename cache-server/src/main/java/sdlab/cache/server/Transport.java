package sdlab.cache.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket implementation: Linux's epoll through Netty's native transport when it loads
 * (edge-triggered, fewer system calls and copies), Java NIO otherwise.
 */
enum Transport {
    EPOLL,
    NIO;

    /** Epoll where available; {@code -Dsdlab.cache.transport=nio} forces NIO, for comparison. */
    static Transport best() {
        boolean nioForced = "nio".equalsIgnoreCase(System.getProperty("sdlab.cache.transport"));
        return !nioForced && Epoll.isAvailable() ? EPOLL : NIO;
    }

    EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(
                threads, this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
