package sdlab.traffic.gateway;

import java.util.List;
import sdlab.traffic.gateway.GatewayConfig.RateLimit;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.http.HeaderField;
import sdlab.traffic.ratelimit.http.RateLimitHeaders;
import sdlab.traffic.ratelimit.http.ThrottleResponse;

/**
 * The rate limiters as a gateway filter: one keyed limiter per configured limit, keyed by the
 * client's address, a header (an API key), the route or nothing (one global limit). A denied
 * request gets 429 with {@code Retry-After} and the RateLimit fields; an allowed one carries the
 * fields too if so configured, and a leaky bucket's queueing delay holds it before forwarding.
 */
final class RateLimitFilter implements GatewayFilter {
    private static final int STRIPES = 64;
    private static final String MISSING_KEY = "-";

    private final RateLimit config;
    private final ConcurrentKeyedLimiter<String> limiter;
    private final GatewayMetrics metrics;
    private final RateLimitHeaders headers;

    RateLimitFilter(RateLimit config, GatewayMetrics metrics) {
        this.config = config;
        this.limiter = new ConcurrentKeyedLimiter<>(config.algorithm(), config.policy(), config.keysMax(), STRIPES);
        this.metrics = metrics;
        this.headers = new RateLimitHeaders(config.name(), config.policy());
    }

    @Override
    public Outcome apply(Request request) {
        Decision decision = limiter.tryAcquire(key(request), request.nowNanos(), 1);
        if (!decision.allowed()) {
            metrics.rateLimited(config.name());
            return new Outcome.Respond(ThrottleResponse.tooManyRequests(
                    config.name(), config.policy(), decision, config.retryAfter(), request.epochMillis()));
        }
        List<HeaderField> fields = config.headersOnAllowed() ? headers.of(decision) : List.of();
        return new Outcome.Proceed(decision.delayNanos(), fields);
    }

    private String key(Request request) {
        return switch (config.key().source()) {
            case CLIENT_ADDRESS -> request.clientIp();
            case HEADER -> {
                String value = request.request().headers().get(config.key().headerName());
                yield value == null ? MISSING_KEY : value;
            }
            case ROUTE -> request.routeName();
            case GLOBAL -> MISSING_KEY;
        };
    }
}
