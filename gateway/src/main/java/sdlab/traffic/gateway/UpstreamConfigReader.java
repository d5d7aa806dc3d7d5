package sdlab.traffic.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sdlab.traffic.balance.BalancePolicy;
import sdlab.traffic.balance.Stickiness;
import sdlab.traffic.gateway.GatewayConfig.HashKey;
import sdlab.traffic.gateway.GatewayConfig.HealthCheck;
import sdlab.traffic.gateway.GatewayConfig.Server;
import sdlab.traffic.gateway.GatewayConfig.Sticky;
import sdlab.traffic.gateway.GatewayConfig.Upstream;

/** Reads one {@code upstreams[i]} object of the configuration. */
final class UpstreamConfigReader {
    private UpstreamConfigReader() {}

    static Upstream read(JsonFields u) {
        u.rejectUnknown(Set.of(
                "name",
                "servers",
                "balancer",
                "hashKey",
                "sticky",
                "healthCheck",
                "ejectAfterFailures",
                "ejectMs",
                "idleConnectionsPerServerMax"));
        List<Server> servers = new ArrayList<>();
        for (JsonFields server : u.array("servers")) {
            servers.add(server(server));
        }
        if (servers.isEmpty()) {
            u.problem("servers", "at least one server is required");
        }
        BalancePolicy balancer =
                GatewayConfigParser.enumValue(u, "balancer", u.string("balancer", "round-robin"), BalancePolicy.class);
        return new Upstream(
                u.requiredString("name"),
                servers,
                balancer == null ? BalancePolicy.ROUND_ROBIN : balancer,
                hashKey(u, u.string("hashKey", "client-address")),
                sticky(u.object("sticky")),
                healthCheck(u.object("healthCheck")),
                (int) u.number("ejectAfterFailures", 3, 0, 1_000),
                u.number("ejectMs", 10_000, 0, 3_600_000),
                (int) u.number("idleConnectionsPerServerMax", 256, 0, 65_536));
    }

    private static Server server(JsonFields s) {
        s.rejectUnknown(Set.of("address", "version"));
        String address = s.requiredString("address");
        int colon = address.lastIndexOf(':');
        int port = -1;
        if (colon > 0) {
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > GatewayConfigParser.PORT_MAX) {
            if (!address.isEmpty()) {
                s.problem("address", "expected host:port, got '" + address + "'");
            }
            return new Server("127.0.0.1", 1, "v1");
        }
        return new Server(address.substring(0, colon), port, s.string("version", "v1"));
    }

    static HashKey hashKey(JsonFields fields, String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String name = colon < 0 ? null : text.substring(colon + 1);
        HashKey.Source source = GatewayConfigParser.enumValue(fields, "hashKey", kind, HashKey.Source.class);
        if (source == null) {
            return new HashKey(HashKey.Source.CLIENT_ADDRESS, null);
        }
        boolean named = source == HashKey.Source.HEADER || source == HashKey.Source.COOKIE;
        if (named && (name == null || name.isEmpty())) {
            fields.problem("hashKey", "'" + kind + "' needs a name, as in '" + kind + ":X-User'");
        }
        return new HashKey(source, name);
    }

    private static Sticky sticky(JsonFields s) {
        if (s == null) {
            return new Sticky(Stickiness.NONE, null);
        }
        s.rejectUnknown(Set.of("mode", "cookieName"));
        Stickiness mode = GatewayConfigParser.enumValue(s, "mode", s.string("mode", "cookie"), Stickiness.class);
        return new Sticky(mode == null ? Stickiness.NONE : mode, s.string("cookieName", "SDLAB_STICKY"));
    }

    private static HealthCheck healthCheck(JsonFields h) {
        if (h == null) {
            return null;
        }
        h.rejectUnknown(Set.of("type", "path", "intervalMs", "timeoutMs", "unhealthyThreshold", "healthyThreshold"));
        HealthCheck.Kind kind =
                GatewayConfigParser.enumValue(h, "type", h.string("type", "http"), HealthCheck.Kind.class);
        String path = h.string("path", "/healthz");
        if (!path.startsWith("/")) {
            h.problem("path", "must start with '/', got '" + path + "'");
        }
        return new HealthCheck(
                kind == null ? HealthCheck.Kind.TCP : kind,
                path,
                h.number("intervalMs", 1_000, 10, 3_600_000),
                h.number("timeoutMs", 500, 10, 600_000),
                (int) h.number("unhealthyThreshold", 2, 1, 100),
                (int) h.number("healthyThreshold", 2, 1, 100));
    }
}
