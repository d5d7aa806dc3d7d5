package sdlab.traffic.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sdlab.traffic.gateway.GatewayConfig.Admin;
import sdlab.traffic.gateway.GatewayConfig.Limits;
import sdlab.traffic.gateway.GatewayConfig.Listen;
import sdlab.traffic.gateway.GatewayConfig.RateLimit;
import sdlab.traffic.gateway.GatewayConfig.Route;
import sdlab.traffic.gateway.GatewayConfig.Tls;
import sdlab.traffic.gateway.GatewayConfig.Upstream;

/**
 * Reads and validates the gateway's JSON configuration. Every problem is reported with the path
 * of the field at fault, all at once; cross-references (a route's upstream, its rate limit) are
 * checked after the fields themselves.
 */
public final class GatewayConfigParser {
    static final int PORT_MAX = 65_535;

    private GatewayConfigParser() {}

    /** Reads {@code file}; throws {@link ConfigException} naming every bad field. */
    public static GatewayConfig parse(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return parse(text);
    }

    /** Parses the JSON text of a configuration. */
    public static GatewayConfig parse(String json) throws ConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of("the configuration must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        GatewayConfig config = read(new JsonFields(root, "", problems));
        if (problems.isEmpty()) {
            checkReferences(config, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private static GatewayConfig read(JsonFields root) {
        root.rejectUnknown(
                Set.of("listen", "tls", "admin", "limits", "upstreams", "routes", "rateLimits", "accessLog"));
        List<Upstream> upstreams = new ArrayList<>();
        for (JsonFields upstream : root.array("upstreams")) {
            upstreams.add(UpstreamConfigReader.read(upstream));
        }
        List<Route> routes = new ArrayList<>();
        for (JsonFields route : root.array("routes")) {
            routes.add(RouteConfigReader.route(route));
        }
        List<RateLimit> rateLimits = new ArrayList<>();
        for (JsonFields rateLimit : root.array("rateLimits")) {
            rateLimits.add(RouteConfigReader.rateLimit(rateLimit));
        }
        if (routes.isEmpty()) {
            root.problem("routes", "at least one route is required");
        }
        return new GatewayConfig(
                listen(root.object("listen"), root),
                tls(root.object("tls")),
                admin(root.object("admin")),
                limits(root.object("limits"), root),
                upstreams,
                routes,
                rateLimits,
                root.bool("accessLog", true));
    }

    private static Listen listen(JsonFields listen, JsonFields root) {
        if (listen == null) {
            root.problem("listen", "required (for example {\"port\": 8080})");
            return new Listen("127.0.0.1", 0, true);
        }
        listen.rejectUnknown(Set.of("host", "port", "h2c"));
        return new Listen(
                listen.string("host", "127.0.0.1"),
                (int) listen.number("port", 8080, 0, PORT_MAX),
                listen.bool("h2c", true));
    }

    private static Admin admin(JsonFields admin) {
        if (admin == null) {
            return new Admin(-1);
        }
        admin.rejectUnknown(Set.of("port"));
        return new Admin((int) admin.number("port", 9090, -1, PORT_MAX));
    }

    private static Tls tls(JsonFields tls) {
        if (tls == null) {
            return null;
        }
        tls.rejectUnknown(Set.of("port", "certFile", "keyFile"));
        String certFile = tls.string("certFile", null);
        String keyFile = tls.string("keyFile", null);
        if ((certFile == null) != (keyFile == null)) {
            tls.problem(certFile == null ? "certFile" : "keyFile", "certFile and keyFile go together");
        }
        for (String name : new String[] {"certFile", "keyFile"}) {
            String file = tls.string(name, null);
            if (file != null && !Files.isReadable(Path.of(file))) {
                tls.problem(name, "cannot read '" + file + "'");
            }
        }
        return new Tls((int) tls.number("port", 8443, 0, PORT_MAX), certFile, keyFile);
    }

    private static Limits limits(JsonFields limits, JsonFields root) {
        JsonFields l = limits != null
                ? limits
                : new JsonFields(new ObjectMapper().createObjectNode(), "limits", new ArrayList<>());
        l.rejectUnknown(Set.of(
                "initialLineBytesMax",
                "headerBytesMax",
                "headerFieldsMax",
                "obsFoldAllowed",
                "bodyBytesMax",
                "idleTimeoutMs",
                "headerTimeoutMs",
                "connectTimeoutMs",
                "responseTimeoutMs",
                "drainTimeoutMs",
                "pipelinedRequestsMax",
                "inFlightRequestsMax"));
        return new Limits(
                (int) l.number("initialLineBytesMax", 8_192, 256, 1 << 20),
                (int) l.number("headerBytesMax", 16_384, 256, 1 << 20),
                (int) l.number("headerFieldsMax", 100, 1, 100_000),
                l.bool("obsFoldAllowed", false),
                l.number("bodyBytesMax", 10L << 20, 0, Long.MAX_VALUE),
                l.number("idleTimeoutMs", 60_000, 100, 86_400_000),
                l.number("headerTimeoutMs", 10_000, 100, 3_600_000),
                l.number("connectTimeoutMs", 2_000, 10, 600_000),
                l.number("responseTimeoutMs", 30_000, 10, 3_600_000),
                l.number("drainTimeoutMs", 10_000, 0, 3_600_000),
                (int) l.number("pipelinedRequestsMax", 16, 1, 1_024),
                (int) l.number("inFlightRequestsMax", 10_000, 1, 10_000_000));
    }

    private static void checkReferences(GatewayConfig config, List<String> problems) {
        Set<String> upstreams =
                names(config.upstreams().stream().map(Upstream::name).toList(), "upstreams", problems);
        Set<String> limits =
                names(config.rateLimits().stream().map(RateLimit::name).toList(), "rateLimits", problems);
        names(config.routes().stream().map(Route::name).toList(), "routes", problems);
        for (int i = 0; i < config.routes().size(); i++) {
            Route route = config.routes().get(i);
            String at = "routes[" + i + "].";
            if (!upstreams.contains(route.upstream())) {
                problems.add(at + "upstream: unknown upstream '" + route.upstream() + "'; known: " + sorted(upstreams));
            }
            if (route.canary() != null && !upstreams.contains(route.canary().upstream())) {
                problems.add(at + "canary.upstream: unknown upstream '"
                        + route.canary().upstream() + "'; known: " + sorted(upstreams));
            }
            if (route.rateLimit() != null && !limits.contains(route.rateLimit())) {
                problems.add(
                        at + "rateLimit: unknown rate limit '" + route.rateLimit() + "'; known: " + sorted(limits));
            }
        }
    }

    private static Set<String> names(List<String> names, String list, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                problems.add(list + "[" + i + "].name: duplicate name '" + names.get(i) + "'");
            }
        }
        return seen;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** {@code round-robin} to {@code ROUND_ROBIN}, or null if not one of {@code values}. */
    static <E extends Enum<E>> E enumValue(JsonFields fields, String name, String text, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                return value;
            }
        }
        List<String> known = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            known.add(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        fields.problem(name, "unknown value '" + text + "'; expected one of " + known);
        return null;
    }
}
