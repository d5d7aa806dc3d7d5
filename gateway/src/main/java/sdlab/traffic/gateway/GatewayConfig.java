package sdlab.traffic.gateway;

import java.util.List;
import sdlab.traffic.balance.BalancePolicy;
import sdlab.traffic.balance.Stickiness;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;
import sdlab.traffic.routing.CanaryRule;

/**
 * The gateway's whole configuration, as read and validated by {@link GatewayConfigParser} from
 * one JSON file. The records mirror the file's structure; the field list with defaults is in
 * the package documentation.
 */
public record GatewayConfig(
        Listen listen,
        Tls tls,
        Admin admin,
        Limits limits,
        List<Upstream> upstreams,
        List<Route> routes,
        List<RateLimit> rateLimits,
        boolean accessLog) {

    public GatewayConfig {
        upstreams = List.copyOf(upstreams);
        routes = List.copyOf(routes);
        rateLimits = List.copyOf(rateLimits);
    }

    /** The plain-text listener: HTTP/1.1, and h2c (prior knowledge and Upgrade) if enabled. */
    public record Listen(String host, int port, boolean h2c) {}

    /**
     * The TLS listener (HTTP/1.1 and h2 chosen by ALPN), or null for none. Without files, a
     * self-signed certificate for localhost and 127.0.0.1 is generated at start.
     */
    public record Tls(int port, String certFile, String keyFile) {
        public boolean selfSigned() {
            return certFile == null;
        }
    }

    /** The admin listener serving {@code /metrics} (Prometheus text) and {@code /healthz}; port -1 for none. */
    public record Admin(int port) {}

    /** Protocol limits and timeouts: what a client or an upstream may not exceed. */
    public record Limits(
            int initialLineBytesMax,
            int headerBytesMax,
            int headerFieldsMax,
            boolean obsFoldAllowed,
            long bodyBytesMax,
            long idleTimeoutMs,
            long headerTimeoutMs,
            long connectTimeoutMs,
            long responseTimeoutMs,
            long drainTimeoutMs,
            int pipelinedRequestsMax,
            int inFlightRequestsMax) {}

    /** A named group of servers with a balancing policy, health checks and stickiness. */
    public record Upstream(
            String name,
            List<Server> servers,
            BalancePolicy balancer,
            HashKey hashKey,
            Sticky sticky,
            HealthCheck healthCheck,
            int ejectAfterFailures,
            long ejectMs,
            int idleConnectionsPerServerMax) {
        public Upstream {
            servers = List.copyOf(servers);
        }
    }

    /** One upstream server: {@code host:port} and the version it runs (for canaries and echo). */
    public record Server(String host, int port, String version) {
        public String address() {
            return host + ":" + port;
        }
    }

    /** What a key-based policy hashes: the client address, a header, a cookie or the path. */
    public record HashKey(Source source, String name) {
        public enum Source {
            CLIENT_ADDRESS,
            HEADER,
            COOKIE,
            PATH
        }
    }

    /** Session affinity: none, a cookie naming the server, or the hash of the client address. */
    public record Sticky(Stickiness mode, String cookieName) {}

    /** Active health checking, or null for none: a TCP connect or an HTTP GET expecting 2xx. */
    public record HealthCheck(
            Kind kind, String path, long intervalMs, long timeoutMs, int unhealthyThreshold, int healthyThreshold) {
        public enum Kind {
            TCP,
            HTTP
        }
    }

    /**
     * A route: requests whose Host (if given) and path prefix match go to {@code upstream}, or to
     * the canary's upstream when the canary selects them, through the rate limit if named.
     */
    public record Route(
            String name, String host, String pathPrefix, String upstream, Canary canary, String rateLimit) {}

    /**
     * A route's canary: {@code upstream} serves the canary track, chosen by {@link
     * sdlab.traffic.routing.CanarySelector}: the session's pin in the cookie {@code cookie}
     * ({@code canary} or {@code stable}) first, then the header {@code header} equal to
     * {@code headerValue}, then a draw of {@code weightPercent}; the outcome is pinned in the
     * cookie so a session keeps its version.
     */
    public record Canary(String upstream, String header, String headerValue, String cookie, int weightPercent) {
        /** The rule the shared selector applies. */
        public CanaryRule rule() {
            return new CanaryRule(header, headerValue, weightPercent, true);
        }
    }

    /** A named rate limit: an algorithm, a policy, what it is keyed by, and how it answers. */
    public record RateLimit(
            String name,
            RateLimitAlgorithm algorithm,
            RateLimitPolicy policy,
            LimitKey key,
            int keysMax,
            RetryAfterFormat retryAfter,
            boolean headersOnAllowed) {}

    /** What a rate limit is keyed by. */
    public record LimitKey(Source source, String headerName) {
        public enum Source {
            CLIENT_ADDRESS,
            HEADER,
            ROUTE,
            GLOBAL
        }
    }
}
