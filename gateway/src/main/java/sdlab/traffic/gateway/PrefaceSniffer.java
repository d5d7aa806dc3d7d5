package sdlab.traffic.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.List;

/**
 * Tells an h2c client with prior knowledge (RFC 9113, section 3.3), which opens with the HTTP/2
 * connection preface, from an HTTP/1.1 client, by the first bytes; then installs the matching
 * pipeline and steps aside. HTTP/1.1 clients can still switch with {@code Upgrade: h2c}.
 */
final class PrefaceSniffer extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();
    private final Pipelines pipelines;

    PrefaceSniffer(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean matches = ByteBufUtil.equals(PREFACE, PREFACE.readerIndex(), in, in.readerIndex(), seen);
        if (matches && seen < PREFACE.readableBytes()) {
            return; // could still be the preface: wait for more bytes
        }
        if (matches) {
            pipelines.http2(ctx.pipeline(), false);
        } else {
            pipelines.http1(ctx.pipeline(), false, true);
        }
        ctx.pipeline().remove(this);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ProxyHandler.DRAIN || event instanceof IdleStateEvent) {
            ctx.close(); // nothing was asked on this connection yet
        } else {
            super.userEventTriggered(ctx, event);
        }
    }
}
