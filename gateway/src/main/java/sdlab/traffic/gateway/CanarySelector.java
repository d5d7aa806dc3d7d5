package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.ThreadLocalRandom;
import sdlab.traffic.gateway.GatewayConfig.Canary;

/**
 * Chooses between a route's stable and canary upstreams. An explicit header wins (testers and
 * internal users opt in); then the pin cookie (a user keeps the version first given); then a
 * weighted draw, whose outcome is pinned in the cookie so the user's next requests, and their
 * session, stay on the same version.
 */
final class CanarySelector {
    static final String CANARY = "canary";
    static final String STABLE = "stable";

    /** The upstream chosen and the {@code Set-Cookie} value that pins it, or null if none is needed. */
    record Selection(UpstreamGroup upstream, String setCookie) {}

    private final Canary config;
    private final UpstreamGroup stable;
    private final UpstreamGroup canary;
    private final Selection stableUnpinned;
    private final Selection canaryUnpinned;

    CanarySelector(Canary config, UpstreamGroup stable, UpstreamGroup canary) {
        this.config = config;
        this.stable = stable;
        this.canary = canary;
        this.stableUnpinned = new Selection(stable, null);
        this.canaryUnpinned = new Selection(canary, null);
    }

    Selection select(HttpHeaders headers) {
        if (config.header() != null) {
            String value = headers.get(config.header());
            if (value != null
                    && (config.headerValue().equals("always")
                            || config.headerValue().equals(value))) {
                return canaryUnpinned;
            }
        }
        String pinned = Cookies.value(headers, config.cookie());
        if (CANARY.equals(pinned)) {
            return canaryUnpinned;
        }
        if (STABLE.equals(pinned)) {
            return stableUnpinned;
        }
        // The draw needs no replay: this is the real gateway, not a simulated node.
        boolean toCanary = ThreadLocalRandom.current().nextInt(100) < config.weightPercent();
        return new Selection(toCanary ? canary : stable, Cookies.session(config.cookie(), toCanary ? CANARY : STABLE));
    }
}
