package sdlab.traffic.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP gateway: a reverse proxy on Netty with the routes, upstreams and policies of a
 * {@link GatewayConfig}. {@link #start()} binds the listeners (plain, TLS, admin) and starts
 * health checks; {@link #stop()} drains: it stops accepting, lets every request in flight finish
 * (HTTP/1.1 connections close after their current response, HTTP/2 ones get GOAWAY), then
 * closes what is left after the drain timeout.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final long DRAIN_POLL_MS = 10;
    private static final int ADMIN_REQUEST_BYTES_MAX = 65_536;

    private final GatewayConfig config;
    private final GatewayRuntime rt;
    private final int threads;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ChannelGroup connections;
    private final List<Channel> listeners = new ArrayList<>();
    private final List<HealthChecker> healthCheckers = new ArrayList<>();
    private Channel plain;
    private Channel tls;
    private Channel admin;
    private X509Certificate certificate;

    /** A gateway with one event loop per core. */
    public Gateway(GatewayConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    /** A gateway with {@code threads} event loops. */
    public Gateway(GatewayConfig config, int threads) {
        this(config, threads, GatewayRandom.THREAD_LOCAL);
    }

    /**
     * A gateway whose random draws (a weighted canary's) all come from {@code random}, so that a
     * test can replay the draws of a simulated node seeded alike. {@code random} must be safe to
     * call from {@code threads} event loops ({@link java.util.Random} is).
     */
    public Gateway(GatewayConfig config, int threads, RandomGenerator random) {
        this(config, threads, GatewayRandom.shared(random));
    }

    private Gateway(GatewayConfig config, int threads, GatewayRandom random) {
        this.config = config;
        this.rt = new GatewayRuntime(config, random);
        this.threads = threads;
    }

    /**
     * Binds every listener and starts the health checks; returns once they accept connections.
     * If a listener cannot bind, whatever was started is stopped again and the error thrown.
     */
    public Gateway start() throws Exception {
        bossGroup = Transport.group(1, "gateway-accept");
        workerGroup = Transport.group(threads, "gateway-io");
        connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        try {
            startListeners();
        } catch (Exception e) {
            stop();
            throw e;
        }
        return this;
    }

    private void startListeners() throws Exception {
        Pipelines pipelines = new Pipelines(rt);
        String host = config.listen().host();
        plain = bind(host, config.listen().port(), FrontendInitializers.plain(rt, pipelines, connections));
        if (config.tls() != null) {
            TlsContexts.ServerTls serverTls = TlsContexts.server(config.tls());
            certificate = serverTls.certificate();
            tls = bind(
                    host,
                    config.tls().port(),
                    FrontendInitializers.tls(rt, pipelines, connections, serverTls.context()));
        }
        if (config.admin().port() >= 0) {
            admin = bind(host, config.admin().port(), new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    channel.pipeline()
                            .addLast(new HttpServerCodec())
                            .addLast(new HttpObjectAggregator(ADMIN_REQUEST_BYTES_MAX))
                            .addLast(new AdminHandler(rt));
                }
            });
        }
        for (UpstreamGroup upstream : rt.upstreams.values()) {
            if (upstream.config.healthCheck() != null) {
                HealthChecker checker = new HealthChecker(upstream, workerGroup, rt);
                healthCheckers.add(checker);
                checker.start();
            }
        }
        LOG.info(
                "gateway listening on {}:{} ({}), tls {}, admin {}",
                host,
                port(),
                Transport.name(),
                tls == null ? "off" : tlsPort(),
                admin == null ? "off" : adminPort());
    }

    private Channel bind(String host, int port, ChannelInitializer<Channel> initializer) throws InterruptedException {
        Channel channel = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(host, port)
                .sync()
                .channel();
        listeners.add(channel);
        return channel;
    }

    /** Stops accepting, drains requests in flight (up to the drain timeout) and releases everything. */
    public void stop() throws InterruptedException {
        if (workerGroup == null) {
            return;
        }
        rt.startDraining();
        for (Channel listener : listeners) {
            listener.close().sync();
        }
        healthCheckers.forEach(HealthChecker::stop);
        connections.forEach(channel -> channel.pipeline().fireUserEventTriggered(ProxyHandler.DRAIN));
        long deadlineNanos = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(config.limits().drainTimeoutMs());
        while (!connections.isEmpty() && System.nanoTime() - deadlineNanos < 0) {
            Thread.sleep(DRAIN_POLL_MS);
        }
        connections.close().awaitUninterruptibly();
        for (UpstreamGroup upstream : rt.upstreams.values()) {
            upstream.servers().forEach(server -> server.pool.closeIdle());
        }
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        workerGroup = null;
    }

    /** The plain-text port (useful when the configuration asked for port 0). */
    public int port() {
        return ((InetSocketAddress) plain.localAddress()).getPort();
    }

    /** The TLS port, or -1 without TLS. */
    public int tlsPort() {
        return tls == null ? -1 : ((InetSocketAddress) tls.localAddress()).getPort();
    }

    /** The admin port, or -1 without an admin listener. */
    public int adminPort() {
        return admin == null ? -1 : ((InetSocketAddress) admin.localAddress()).getPort();
    }

    /** The generated self-signed authority that issued the TLS certificate, for clients to trust; null with a configured one. */
    public X509Certificate selfSignedCertificate() {
        return certificate;
    }

    /** The gateway's counters. */
    public GatewayMetrics metrics() {
        return rt.metrics;
    }

    /**
     * Takes {@code address} ({@code host:port}) out of {@code upstream} and drains it: no new
     * requests go there, requests in flight finish, its idle connections close. Returns whether
     * the server was found.
     */
    public boolean removeServer(String upstream, String address) {
        UpstreamGroup group = rt.upstreams.get(upstream);
        return group != null && group.remove(address, rt.nowNanos()) != null;
    }

    /** Adds a server to {@code upstream}. */
    public void addServer(String upstream, GatewayConfig.Server server) {
        UpstreamGroup group = rt.upstreams.get(upstream);
        if (group == null) {
            throw new IllegalArgumentException("unknown upstream '" + upstream + "'");
        }
        group.add(server, rt.nowNanos());
    }
}
