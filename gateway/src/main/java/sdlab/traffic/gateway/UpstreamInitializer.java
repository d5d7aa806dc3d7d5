package sdlab.traffic.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;

/** The pipeline of a connection to an upstream server: an HTTP/1.1 client codec and the relay. */
final class UpstreamInitializer extends ChannelInitializer<SocketChannel> {
    private static final int INITIAL_LINE_BYTES_MAX = 8_192;
    private static final int CHUNK_BYTES_MAX = 16_384;
    private final int headerBytesMax;
    private final long responseTimeoutMs;

    UpstreamInitializer(int headerBytesMax, long responseTimeoutMs) {
        this.headerBytesMax = headerBytesMax;
        this.responseTimeoutMs = responseTimeoutMs;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast(new HttpClientCodec(INITIAL_LINE_BYTES_MAX, headerBytesMax, CHUNK_BYTES_MAX))
                .addLast(new UpstreamHandler(responseTimeoutMs));
    }
}
