package sdlab.traffic.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.traffic.gateway.GatewayConfig.RateLimit;
import sdlab.traffic.gateway.GatewayConfig.Route;
import sdlab.traffic.routing.RouteTable;

/**
 * Everything the connection handlers share: the routes with their filters, the upstreams, the
 * limits, the metrics, the access log and the clock. Built once from the configuration.
 */
final class GatewayRuntime {
    final GatewayConfig config;
    final GatewayConfig.Limits limits;
    final Map<String, UpstreamGroup> upstreams = new LinkedHashMap<>();
    final RouteTable<RouteEntry> routes;
    final GatewayMetrics metrics = new GatewayMetrics();
    final AccessLog accessLog;
    final Bootstrap upstreamBootstrap;
    private final long originNanos = System.nanoTime();
    private volatile boolean draining;

    GatewayRuntime(GatewayConfig config, GatewayRandom random) {
        this.config = config;
        this.limits = config.limits();
        this.accessLog = new AccessLog(config.accessLog());
        for (GatewayConfig.Upstream upstream : config.upstreams()) {
            upstreams.put(upstream.name(), new UpstreamGroup(upstream, nowNanos()));
        }
        Map<String, RateLimitFilter> limiters = new LinkedHashMap<>();
        for (RateLimit limit : config.rateLimits()) {
            limiters.put(limit.name(), new RateLimitFilter(limit, metrics));
        }
        GatewayFilter shed = new LoadShedFilter(metrics.requestsInFlight, limits.inFlightRequestsMax());
        List<RouteEntry> routes = new ArrayList<>();
        for (Route route : config.routes()) {
            List<GatewayFilter> filters = new ArrayList<>(List.of(shed));
            if (route.rateLimit() != null) {
                filters.add(limiters.get(route.rateLimit()));
            }
            UpstreamGroup canary =
                    route.canary() == null ? null : upstreams.get(route.canary().upstream());
            routes.add(new RouteEntry(route, filters, upstreams.get(route.upstream()), canary, random));
        }
        this.routes = RouteTable.of(routes, entry -> entry.rule);
        this.upstreamBootstrap = new Bootstrap()
                .channel(Transport.clientChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.connectTimeoutMs())
                .handler(new UpstreamInitializer(limits.headerBytesMax(), limits.responseTimeoutMs()));
    }

    /** Nanoseconds since the gateway started: the limiters' clock, never negative. */
    long nowNanos() {
        return System.nanoTime() - originNanos;
    }

    boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
    }
}
