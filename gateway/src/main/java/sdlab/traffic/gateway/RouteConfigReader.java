package sdlab.traffic.gateway;

import java.time.Duration;
import java.util.Set;
import sdlab.traffic.gateway.GatewayConfig.Canary;
import sdlab.traffic.gateway.GatewayConfig.LimitKey;
import sdlab.traffic.gateway.GatewayConfig.RateLimit;
import sdlab.traffic.gateway.GatewayConfig.Route;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;

/** Reads {@code routes[i]} and {@code rateLimits[i]} objects of the configuration. */
final class RouteConfigReader {
    private RouteConfigReader() {}

    static Route route(JsonFields r) {
        r.rejectUnknown(Set.of("name", "host", "pathPrefix", "upstream", "canary", "rateLimit"));
        String pathPrefix = r.string("pathPrefix", "/");
        if (!pathPrefix.startsWith("/")) {
            r.problem("pathPrefix", "must start with '/', got '" + pathPrefix + "'");
        }
        String upstream = r.requiredString("upstream");
        return new Route(
                r.string("name", r.path()),
                r.string("host", null),
                pathPrefix,
                upstream,
                canary(r.object("canary")),
                r.string("rateLimit", null));
    }

    private static Canary canary(JsonFields c) {
        if (c == null) {
            return null;
        }
        c.rejectUnknown(Set.of("upstream", "header", "headerValue", "cookie", "weightPercent"));
        return new Canary(
                c.requiredString("upstream"),
                c.string("header", null),
                c.string("headerValue", "always"),
                c.string("cookie", "SDLAB_CANARY"),
                (int) c.number("weightPercent", 0, 0, 100));
    }

    static RateLimit rateLimit(JsonFields l) {
        l.rejectUnknown(Set.of(
                "name", "algorithm", "limit", "periodMs", "burst", "key", "keysMax", "retryAfter", "headersOnAllowed"));
        String name = l.requiredString("name");
        RateLimitAlgorithm algorithm = RateLimitAlgorithm.TOKEN_BUCKET;
        try {
            algorithm = RateLimitAlgorithm.parse(l.string("algorithm", "token-bucket"));
        } catch (IllegalArgumentException e) {
            l.problem("algorithm", e.getMessage());
        }
        long limit = l.number("limit", 100, 1, 1_000_000_000);
        long periodMs = l.number("periodMs", 1_000, 1, 86_400_000);
        long burst = l.number("burst", limit, 1, 1_000_000_000);
        RateLimitPolicy policy = RateLimitPolicy.of(1, Duration.ofSeconds(1));
        try {
            policy = new RateLimitPolicy(limit, Duration.ofMillis(periodMs).toNanos(), burst);
        } catch (IllegalArgumentException e) {
            l.problem("limit", e.getMessage());
        }
        RetryAfterFormat format = GatewayConfigParser.enumValue(
                l, "retryAfter", l.string("retryAfter", "delta-seconds"), RetryAfterFormat.class);
        return new RateLimit(
                name,
                algorithm,
                policy,
                limitKey(l, l.string("key", "client-address")),
                (int) l.number("keysMax", 100_000, 1, 100_000_000),
                format == null ? RetryAfterFormat.DELTA_SECONDS : format,
                l.bool("headersOnAllowed", true));
    }

    private static LimitKey limitKey(JsonFields l, String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        LimitKey.Source source = GatewayConfigParser.enumValue(l, "key", kind, LimitKey.Source.class);
        if (source == null) {
            return new LimitKey(LimitKey.Source.GLOBAL, null);
        }
        String header = colon < 0 ? null : text.substring(colon + 1);
        if (source == LimitKey.Source.HEADER && (header == null || header.isEmpty())) {
            l.problem("key", "'header' needs a name, as in 'header:X-Api-Key'");
        }
        return new LimitKey(source, header);
    }
}
