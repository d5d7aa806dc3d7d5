package sdlab.txlog.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Kafka's port of one broker: size-prefixed frames, each a request for {@link KafkaApis}, on the node's own loop. A
 * standalone broker and a broker of a cluster listen alike.
 */
final class KafkaListener {
    /** Kafka's own default for {@code socket.request.max.bytes} is 100 MiB; a lab broker takes 16. */
    static final int REQUEST_BYTES_MAX = 16 << 20;

    private static final int SIZE_PREFIX_BYTES = 4;

    private KafkaListener() {}

    /** Listens on {@code bind:port} (0 picks a free port); Netty's failure to bind is thrown unchecked. */
    static Channel listen(EventLoop loop, String bind, int port, KafkaApis apis) {
        return new ServerBootstrap()
                .group(loop)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(
                                        REQUEST_BYTES_MAX + SIZE_PREFIX_BYTES,
                                        0,
                                        SIZE_PREFIX_BYTES,
                                        0,
                                        SIZE_PREFIX_BYTES))
                                .addLast(new KafkaConnection(apis));
                    }
                })
                .bind(bind, port)
                .syncUninterruptibly()
                .channel();
    }
}
