package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import sdlab.traffic.balance.BalancePolicy;
import sdlab.traffic.balance.ServerGroup;
import sdlab.traffic.gateway.GatewayConfig.HashKey;
import sdlab.traffic.gateway.GatewayConfig.Sticky;

/**
 * An upstream at run time: its configuration and its servers, whose choice is the shared
 * {@link ServerGroup}'s (eligibility, stickiness, balancing). This class only reads the
 * request's keys off the HTTP fields and writes the sticky cookie.
 */
final class UpstreamGroup {
    /** A chosen server and, for cookie stickiness, the {@code Set-Cookie} value that pins the client to it. */
    record Choice(UpstreamServer server, String setCookie) {}

    final GatewayConfig.Upstream config;
    private final ServerGroup<UpstreamServer> group;

    UpstreamGroup(GatewayConfig.Upstream config, long nowNanos) {
        this.config = config;
        List<UpstreamServer> servers = new ArrayList<>();
        for (GatewayConfig.Server server : config.servers()) {
            servers.add(new UpstreamServer(server, config.idleConnectionsPerServerMax()));
        }
        this.group =
                new ServerGroup<>(servers, config.balancer(), config.sticky().mode(), nowNanos);
    }

    List<UpstreamServer> servers() {
        return group.servers();
    }

    /**
     * A server for a request from {@code clientIp} with {@code headers}, avoiding
     * {@code excluded} (a server that just failed it), or null if none is available.
     */
    Choice choose(HttpHeaders headers, String clientIp, String path, long nowNanos, UpstreamServer excluded) {
        Sticky sticky = config.sticky();
        String stickyCookie = sticky.cookieName() == null ? null : Cookies.value(headers, sticky.cookieName());
        ServerGroup.Keys keys = new ServerGroup.Keys(stickyCookie, clientIp, hashKey(headers, clientIp, path));
        ServerGroup.Choice<UpstreamServer> choice = group.choose(keys, nowNanos, excluded);
        if (choice == null) {
            return null;
        }
        String setCookie = choice.pinToSet() == null ? null : Cookies.session(sticky.cookieName(), choice.pinToSet());
        return new Choice(choice.server(), setCookie);
    }

    private String hashKey(HttpHeaders headers, String clientIp, String path) {
        if (config.balancer() != BalancePolicy.CONSISTENT_HASH) {
            return null;
        }
        HashKey key = config.hashKey();
        return switch (key.source()) {
            case CLIENT_ADDRESS -> clientIp;
            case PATH -> path;
            case HEADER -> headers.get(key.name(), "");
            case COOKIE -> {
                String cookie = Cookies.value(headers, key.name());
                yield cookie == null ? "" : cookie;
            }
        };
    }

    /** Rebuilds the available set; call after any change of health, ejection or membership. */
    void refresh(long nowNanos) {
        group.refresh(nowNanos);
    }

    void add(GatewayConfig.Server server, long nowNanos) {
        group.add(new UpstreamServer(server, config.idleConnectionsPerServerMax()), nowNanos);
    }

    /** Takes a server out of rotation and drains it: in-flight requests finish, idle connections close. */
    UpstreamServer remove(String address, long nowNanos) {
        return group.remove(address, nowNanos);
    }
}
