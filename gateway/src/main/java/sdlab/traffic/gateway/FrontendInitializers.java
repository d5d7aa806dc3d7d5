package sdlab.traffic.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/** The initializers of accepted client connections, plain and TLS. */
final class FrontendInitializers {
    private FrontendInitializers() {}

    /** Plain text: HTTP/1.1, and h2c by prior knowledge or upgrade if enabled. */
    static ChannelInitializer<Channel> plain(GatewayRuntime rt, Pipelines pipelines, ChannelGroup connections) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                track(rt, connections, channel);
                channel.pipeline().addLast(pipelines.idle());
                if (rt.config.listen().h2c()) {
                    channel.pipeline().addLast(new PrefaceSniffer(pipelines));
                } else {
                    pipelines.http1(channel.pipeline(), false, false);
                }
            }
        };
    }

    /** TLS: the protocol chosen by ALPN, HTTP/1.1 if the client offered none. */
    static ChannelInitializer<Channel> tls(
            GatewayRuntime rt, Pipelines pipelines, ChannelGroup connections, SslContext context) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                track(rt, connections, channel);
                channel.pipeline().addLast(pipelines.idle());
                channel.pipeline().addLast(context.newHandler(channel.alloc()));
                channel.pipeline()
                        .addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                                    pipelines.http2(ctx.pipeline(), true);
                                } else {
                                    pipelines.http1(ctx.pipeline(), true, false);
                                }
                            }

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
                                if (event instanceof SslHandshakeCompletionEvent completion && completion.isSuccess()) {
                                    rt.metrics.tlsHandshakes.increment();
                                }
                                super.userEventTriggered(ctx, event);
                            }
                        });
            }
        };
    }

    private static void track(GatewayRuntime rt, ChannelGroup connections, Channel channel) {
        connections.add(channel);
        rt.metrics.connectionsAccepted.increment();
        rt.metrics.connectionsOpen.incrementAndGet();
        channel.closeFuture().addListener(closed -> rt.metrics.connectionsOpen.decrementAndGet());
    }
}
