package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import sdlab.traffic.gateway.GatewayConfig.Route;

/** A route at run time: what it matches, its filters and where its requests go. */
final class RouteEntry {
    final Route config;
    final List<GatewayFilter> filters;
    private final UpstreamGroup stable;
    private final CanarySelector canary;
    private final CanarySelector.Selection stableSelection;

    RouteEntry(Route config, List<GatewayFilter> filters, UpstreamGroup stable, UpstreamGroup canaryUpstream) {
        this.config = config;
        this.filters = List.copyOf(filters);
        this.stable = stable;
        this.canary = canaryUpstream == null ? null : new CanarySelector(config.canary(), stable, canaryUpstream);
        this.stableSelection = new CanarySelector.Selection(stable, null);
    }

    boolean matches(String host, String path) {
        if (config.host() != null && !config.host().equalsIgnoreCase(host)) {
            return false;
        }
        return path.startsWith(config.pathPrefix());
    }

    /** The upstream for a request: the stable one, or the canary's if the canary selects it. */
    CanarySelector.Selection target(HttpHeaders headers) {
        return canary == null ? stableSelection : canary.select(headers);
    }

    UpstreamGroup stable() {
        return stable;
    }
}
