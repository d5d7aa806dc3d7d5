package sdlab.traffic.routing;

import java.util.random.RandomGenerator;

/**
 * Chooses a request's release track on a route with a canary. sdlab's gateway and chapter 4's
 * simulated ingress both call this class, so the chapter measures the rule the gateway runs.
 *
 * <h2>Precedence</h2>
 *
 * <ol>
 *   <li><b>The session's pin.</b> A request whose pin cookie names a track stays on it. A pin to
 *       the canary while the canary is off (rolled back) moves to stable and is rewritten: no
 *       canary is left to serve it.
 *   <li><b>The canary header.</b> An unpinned request whose header opts in goes to the canary.
 *   <li><b>The weight.</b> Any other request is drawn: {@code weightPercent} in 100 go to the
 *       canary. Weights of 0 and 100 draw nothing, so a route without a weighted canary uses no
 *       randomness.
 * </ol>
 *
 * <p>Whatever decided, the track is then pinned (with {@link CanaryRule#pinSessions()}): the
 * response sets the cookie unless the request already carried that pin.
 *
 * <h2>Why the pin comes before the header</h2>
 *
 * <p>ingress-nginx documents its canary rules as header, then cookie, then weight, and that is
 * the order here among requests without a pin. But a pin is not one more rule: it is the
 * promise that a session sees one version, which is what a canary with incompatible changes
 * (a new form, a new API shape, a migrated session format) must keep. If the header won, every
 * session that began before the canary rule took effect would be moved mid-session the moment
 * it did: chapter 4 measures exactly that with pins off. ingress-nginx reached the same order:
 * with session affinity on, since 1.0 ({@code affinity-canary-behavior: sticky}, the default), a
 * request affinitized to the primary or the canary backend keeps it and the canary rules are
 * asked only for requests without affinity (balancer.lua, {@code route_to_alternative_balancer};
 * issue 3717, pull request 7371).
 *
 * <p>The cost: a tester already pinned to stable who adds the header stays on stable until the
 * session cookie goes (a new session, or deleting the cookie), as ingress-nginx users report in
 * its issue 8246. A request that must reach the canary whatever its session says wants a
 * separate route, not a canary rule.
 */
public final class CanarySelector {

    /**
     * A decision.
     *
     * @param track the track that serves the request
     * @param pinToSet the pin the response must set, or null when the request already carries it
     *     (or pins are off)
     */
    public record Choice(Track track, Track pinToSet) {}

    private final CanaryRule rule;

    public CanarySelector(CanaryRule rule) {
        this.rule = rule;
    }

    public CanaryRule rule() {
        return rule;
    }

    /**
     * The track for a request.
     *
     * @param headerValue the request's {@link CanaryRule#header()} field, or null if absent
     * @param pin the track the request's pin cookie names, or null if none
     * @param canaryOn whether the canary serves at all (false: rolled back or not yet started)
     * @param random the caller's generator, drawn only for a weight strictly between 0 and 100
     */
    public Choice select(String headerValue, Track pin, boolean canaryOn, RandomGenerator random) {
        Track track = decide(headerValue, rule.pinSessions() ? pin : null, canaryOn, random);
        Track pinToSet = rule.pinSessions() && track != pin ? track : null;
        return new Choice(track, pinToSet);
    }

    private Track decide(String headerValue, Track pin, boolean canaryOn, RandomGenerator random) {
        if (!canaryOn) {
            return Track.STABLE;
        }
        if (pin != null) {
            return pin;
        }
        if (rule.headerOptsIn(headerValue)) {
            return Track.CANARY;
        }
        return drawn(random);
    }

    private Track drawn(RandomGenerator random) {
        return switch (rule.weightPercent()) {
            case 0 -> Track.STABLE;
            case 100 -> Track.CANARY;
            default -> random.nextInt(100) < rule.weightPercent() ? Track.CANARY : Track.STABLE;
        };
    }
}
