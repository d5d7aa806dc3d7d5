package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sdlab.traffic.gateway.GatewayConfig.HashKey;
import sdlab.traffic.gateway.GatewayConfig.Sticky;

/**
 * An upstream at run time: its servers, its balancing policy and its session affinity. It keeps
 * a snapshot of the servers available now, rebuilt when a server's health, ejection or
 * membership changes, so that choosing a server reads one volatile field.
 */
final class UpstreamGroup {
    /** A chosen server and, for cookie stickiness, the cookie that pins the client to it. */
    record Choice(UpstreamServer server, String setCookie) {}

    private record Snapshot(List<UpstreamServer> available, long validUntilNanos) {}

    final GatewayConfig.Upstream config;
    private final List<UpstreamServer> servers = new CopyOnWriteArrayList<>();
    private final LoadBalancer balancer;
    private final ConsistentHashBalancer affinity = new ConsistentHashBalancer();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Long.MIN_VALUE);

    UpstreamGroup(GatewayConfig.Upstream config, long nowNanos) {
        this.config = config;
        this.balancer = LoadBalancer.of(config.balancer());
        for (GatewayConfig.Server server : config.servers()) {
            servers.add(new UpstreamServer(server, config.idleConnectionsPerServerMax()));
        }
        refresh(nowNanos);
    }

    List<UpstreamServer> servers() {
        return servers;
    }

    /**
     * A server for a request from {@code clientIp} with {@code headers}, avoiding
     * {@code excluded} (a server that just failed it), or null if none is available.
     */
    Choice choose(HttpHeaders headers, String clientIp, String path, long nowNanos, UpstreamServer excluded) {
        List<UpstreamServer> available = available(nowNanos);
        if (excluded != null && available.contains(excluded)) {
            available = new ArrayList<>(available);
            available.remove(excluded);
        }
        if (available.isEmpty()) {
            return null;
        }
        Sticky sticky = config.sticky();
        return switch (sticky.mode()) {
            case COOKIE -> byCookie(available, Cookies.value(headers, sticky.cookieName()), headers, clientIp, path);
            case CLIENT_ADDRESS -> new Choice(affinity.pick(available, Hashing.hash64(clientIp)), null);
            case NONE -> new Choice(balancer.pick(available, keyHash(headers, clientIp, path)), null);
        };
    }

    private Choice byCookie(
            List<UpstreamServer> available, String pinned, HttpHeaders headers, String clientIp, String path) {
        if (pinned != null) {
            for (UpstreamServer server : available) {
                if (server.id.equals(pinned)) {
                    return new Choice(server, null);
                }
            }
        }
        UpstreamServer server = balancer.pick(available, keyHash(headers, clientIp, path));
        return new Choice(server, Cookies.session(config.sticky().cookieName(), server.id));
    }

    private long keyHash(HttpHeaders headers, String clientIp, String path) {
        if (config.balancer() != GatewayConfig.Balancer.CONSISTENT_HASH) {
            return 0;
        }
        HashKey key = config.hashKey();
        String value =
                switch (key.source()) {
                    case CLIENT_ADDRESS -> clientIp;
                    case PATH -> path;
                    case HEADER -> headers.get(key.name(), "");
                    case COOKIE -> {
                        String cookie = Cookies.value(headers, key.name());
                        yield cookie == null ? "" : cookie;
                    }
                };
        return Hashing.hash64(value);
    }

    private List<UpstreamServer> available(long nowNanos) {
        Snapshot current = snapshot;
        if (nowNanos - current.validUntilNanos() >= 0) {
            current = refresh(nowNanos);
        }
        return current.available();
    }

    /**
     * Rebuilds the available set; call after any change of health, ejection or membership.
     * Synchronized so that a rebuild from older state never overwrites a newer one.
     */
    synchronized Snapshot refresh(long nowNanos) {
        List<UpstreamServer> available = new ArrayList<>();
        long validUntilNanos = nowNanos + 1_000_000_000L; // re-check at least every second
        for (UpstreamServer server : servers) {
            if (server.available(nowNanos)) {
                available.add(server);
            } else if (server.healthy() && !server.draining()) {
                validUntilNanos = Math.min(validUntilNanos, server.ejectedUntilNanos());
            }
        }
        Snapshot fresh = new Snapshot(List.copyOf(available), validUntilNanos);
        snapshot = fresh;
        return fresh;
    }

    void add(GatewayConfig.Server server, long nowNanos) {
        servers.add(new UpstreamServer(server, config.idleConnectionsPerServerMax()));
        refresh(nowNanos);
    }

    /** Takes a server out of rotation and drains it: in-flight requests finish, idle connections close. */
    UpstreamServer remove(String address, long nowNanos) {
        for (UpstreamServer server : servers) {
            if (server.config.address().equals(address)) {
                servers.remove(server);
                server.startDraining();
                refresh(nowNanos);
                return server;
            }
        }
        return null;
    }
}
