package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import sdlab.traffic.gateway.GatewayConfig.Route;
import sdlab.traffic.routing.CanarySelector;
import sdlab.traffic.routing.RouteRule;
import sdlab.traffic.routing.Track;

/**
 * A route at run time: what it matches, its filters and where its requests go. Which track (stable
 * or canary) serves a request is the shared {@link CanarySelector}'s decision; this class reads
 * its inputs off the HTTP fields and writes the pin cookie.
 */
final class RouteEntry {
    /** The upstream chosen and the {@code Set-Cookie} value that pins it, or null if none is needed. */
    record Target(UpstreamGroup upstream, String setCookie) {}

    final Route config;
    final RouteRule rule;
    final List<GatewayFilter> filters;
    private final UpstreamGroup stable;
    private final UpstreamGroup canaryUpstream;
    private final CanarySelector canary;
    private final GatewayRandom random;
    private final Target stableTarget;

    RouteEntry(
            Route config,
            List<GatewayFilter> filters,
            UpstreamGroup stable,
            UpstreamGroup canaryUpstream,
            GatewayRandom random) {
        this.config = config;
        this.rule = new RouteRule(config.host(), config.pathPrefix());
        this.filters = List.copyOf(filters);
        this.stable = stable;
        this.canaryUpstream = canaryUpstream;
        this.canary = canaryUpstream == null
                ? null
                : new CanarySelector(config.canary().rule());
        this.random = random;
        this.stableTarget = new Target(stable, null);
    }

    /** The upstream for a request: the stable one, or the canary's if the canary selects it. */
    Target target(HttpHeaders headers) {
        if (canary == null) {
            return stableTarget;
        }
        String header = canary.rule().header();
        String cookieName = config.canary().cookie();
        CanarySelector.Choice choice = canary.select(
                header == null ? null : headers.get(header),
                Track.fromCookie(Cookies.value(headers, cookieName)),
                true,
                random.current());
        UpstreamGroup upstream = choice.track() == Track.CANARY ? canaryUpstream : stable;
        String setCookie = choice.pinToSet() == null
                ? null
                : Cookies.session(cookieName, choice.pinToSet().cookieValue());
        return new Target(upstream, setCookie);
    }
}
