package sdlab.traffic.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.traffic.balance.HealthStreak;
import sdlab.traffic.gateway.GatewayConfig.HealthCheck;

/**
 * Active health checks of one upstream: every interval, each server gets a TCP connect or an
 * HTTP GET that must answer 2xx within the timeout. The verdict is the shared {@link
 * HealthStreak}'s: {@code unhealthyThreshold} failures in a row take a server out of rotation and
 * {@code healthyThreshold} successes in a row bring it back, so one lost probe does not flap it.
 * This class is the probing I/O.
 */
final class HealthChecker {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final UpstreamGroup upstream;
    private final HealthCheck config;
    private final EventLoop loop;
    private final GatewayRuntime rt;
    private final Map<UpstreamServer, HealthStreak> streaks = new HashMap<>(); // loop-confined
    private ScheduledFuture<?> schedule;

    HealthChecker(UpstreamGroup upstream, EventLoopGroup group, GatewayRuntime rt) {
        this.upstream = upstream;
        this.config = upstream.config.healthCheck();
        this.loop = group.next(); // one loop runs every probe, so the streaks need no lock
        this.rt = rt;
    }

    void start() {
        schedule = loop.scheduleWithFixedDelay(this::probeAll, 0, config.intervalMs(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void probeAll() {
        for (UpstreamServer server : upstream.servers()) {
            probe(server, healthy -> loop.execute(() -> record(server, healthy)));
        }
    }

    private void probe(UpstreamServer server, Consumer<Boolean> verdict) {
        boolean http = config.kind() == HealthCheck.Kind.HTTP;
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(Transport.clientChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.timeoutMs())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (http) {
                            channel.pipeline()
                                    .addLast(new ReadTimeoutHandler(config.timeoutMs(), TimeUnit.MILLISECONDS))
                                    .addLast(new HttpClientCodec())
                                    .addLast(new ProbeHandler(verdict));
                        }
                    }
                });
        bootstrap.connect(server.socketAddress).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                verdict.accept(false);
            } else if (!http) {
                connected.channel().close();
                verdict.accept(true);
            } else {
                DefaultFullHttpRequest request =
                        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, config.path());
                request.headers().set(HttpHeaderNames.HOST, server.config.address());
                request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                connected.channel().writeAndFlush(request);
            }
        });
    }

    private void record(UpstreamServer server, boolean healthy) {
        HealthStreak streak = streaks.computeIfAbsent(
                server, s -> new HealthStreak(config.healthyThreshold(), config.unhealthyThreshold()));
        if (streak.record(healthy, server)) {
            LOG.info(
                    "upstream {} server {} is now {}",
                    upstream.config.name(),
                    server,
                    healthy ? "healthy" : "unhealthy");
            upstream.refresh(rt.nowNanos());
        }
    }

    /** Reads one response status and reports whether it was 2xx; anything else counts as failure. */
    private static final class ProbeHandler extends SimpleChannelInboundHandler<HttpObject> {
        private final Consumer<Boolean> verdict;
        private boolean reported;

        ProbeHandler(Consumer<Boolean> verdict) {
            this.verdict = verdict;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse response && !reported) {
                reported = true;
                verdict.accept(response.status().code() / 100 == 2);
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (!reported) {
                reported = true;
                verdict.accept(false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
