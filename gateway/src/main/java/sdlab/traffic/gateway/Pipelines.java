package sdlab.traffic.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import java.util.concurrent.TimeUnit;

/**
 * Builds the client-side pipelines: HTTP/1.1 (optionally upgradable to h2c) and HTTP/2, whose
 * streams each get an HTTP/1-style object codec and a {@link ProxyHandler} of their own, so one
 * proxy handler serves both protocols.
 */
final class Pipelines {
    private static final int STREAMS_CONCURRENT_MAX = 256;
    private static final int UPGRADE_REQUEST_BYTES_MAX = 65_536;
    /** A busy HTTP/2 connection still writes after this many answers, so none waits for long. */
    private static final int FLUSHES_CONSOLIDATED_MAX = 64;

    private final GatewayRuntime rt;

    Pipelines(GatewayRuntime rt) {
        this.rt = rt;
    }

    /** HTTP/1.1 after whatever came before (TLS, the h2c sniffer); with the h2c upgrade if asked. */
    void http1(ChannelPipeline pipeline, boolean tls, boolean h2cUpgrade) {
        GatewayHttpCodec codec = new GatewayHttpCodec(
                rt.limits.initialLineBytesMax(), rt.limits.headerBytesMax(), rt.limits.obsFoldAllowed());
        RequestHeadTimeout headTimeout =
                new RequestHeadTimeout(rt.limits.headerTimeoutMs(), rt.metrics.headerTimeouts::increment);
        pipeline.addLast(headTimeout.beforeCodec());
        pipeline.addLast(codec);
        if (h2cUpgrade) {
            pipeline.addLast(new HttpServerUpgradeHandler(
                    codec,
                    protocol -> AsciiString.contentEquals(Http2CodecUtilNames.H2C, protocol)
                            ? new Http2ServerUpgradeCodec(frameCodec(), multiplex(tls))
                            : null,
                    UPGRADE_REQUEST_BYTES_MAX));
        }
        pipeline.addLast(headTimeout.afterCodec());
        pipeline.addLast(new ProxyHandler(rt, false, tls));
    }

    /** HTTP/2 (after ALPN chose h2, or after the client's prior-knowledge preface). */
    void http2(ChannelPipeline pipeline, boolean tls) {
        // Streams answer one by one as their upstreams reply, and each answer flushes the
        // connection: batched into one write per event-loop pass, many answers share a system call.
        pipeline.addLast(new FlushConsolidationHandler(FLUSHES_CONSOLIDATED_MAX, true));
        pipeline.addLast(new Http2ConnectionCloser());
        pipeline.addLast(frameCodec());
        pipeline.addLast(multiplex(tls));
    }

    /** The idle timer, first in every client pipeline: it runs before the protocol is even known. */
    IdleStateHandler idle() {
        return new IdleStateHandler(0, 0, rt.limits.idleTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private Http2FrameCodec frameCodec() {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(STREAMS_CONCURRENT_MAX)
                .maxHeaderListSize(rt.limits.headerBytesMax());
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                .validateHeaders(true)
                .gracefulShutdownTimeoutMillis(rt.limits.drainTimeoutMs())
                .build();
    }

    private Http2MultiplexHandler multiplex(boolean tls) {
        ChannelHandler streams = new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline()
                        .addLast(new Http2StreamFrameToHttpObjectCodec(true))
                        .addLast(new ProxyHandler(rt, true, tls));
            }
        };
        return new Http2MultiplexHandler(streams, streams);
    }

    /** Closes an HTTP/2 connection that stayed idle, and on draining (GOAWAY, then close when streams end). */
    static final class Http2ConnectionCloser extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent || event == ProxyHandler.DRAIN) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }
    }

    /** The protocol token of h2c (RFC 7540, section 3.2). */
    private static final class Http2CodecUtilNames {
        static final AsciiString H2C = AsciiString.cached("h2c");
    }
}
