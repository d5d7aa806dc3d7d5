package sdlab.chapters.traffic.canary;

import java.util.random.RandomGenerator;
import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;
import sdlab.traffic.routing.CanaryRule;
import sdlab.traffic.routing.CanarySelector;
import sdlab.traffic.routing.Track;

/**
 * How the header strategy's ingress asks for a track: by default exactly as sdlab's gateway
 * does, through the shared {@link CanarySelector} (the session's pin, then the canary header,
 * then the weight). Tests plant a broken router here to show that the claims can fail.
 */
@FunctionalInterface
interface CanaryRouter {
    /** The canary header the app sets on the chosen users' requests, and its value. */
    String HEADER = "X-Canary";

    String HEADER_VALUE = "1";

    /**
     * The track for {@code request} while the canary is {@code canaryOn}, and the pin to set.
     *
     * @param selector the route's shared selector
     * @param random the ingress's seeded generator, for a weighted draw
     */
    CanarySelector.Choice route(CanarySelector selector, PageRequest request, boolean canaryOn, RandomGenerator random);

    /** The gateway's rule, through the shared selector. */
    CanaryRouter SHARED = (selector, request, canaryOn, random) ->
            selector.select(headerOf(request), trackOf(request.pin()), canaryOn, random);

    /** The chapter's rule: the canary header opts in, no weight; {@code pinSessions} as the parameter says. */
    static CanaryRule rule(boolean pinSessions) {
        return new CanaryRule(HEADER, HEADER_VALUE, 0, pinSessions);
    }

    /** The canary header's value on {@code request}: set for chosen users only. */
    static String headerOf(PageRequest request) {
        return request.chosen() ? HEADER_VALUE : null;
    }

    /** The track a pin cookie names, or null for none. */
    static Track trackOf(Pin pin) {
        return switch (pin) {
            case NONE -> null;
            case STABLE -> Track.STABLE;
            case CANARY -> Track.CANARY;
        };
    }

    /** The pin cookie for a track, NONE for null. */
    static Pin pinOf(Track track) {
        if (track == null) {
            return Pin.NONE;
        }
        return switch (track) {
            case STABLE -> Pin.STABLE;
            case CANARY -> Pin.CANARY;
        };
    }

    /** The chapter's version for a track. */
    static Version versionOf(Track track) {
        return switch (track) {
            case STABLE -> Version.STABLE;
            case CANARY -> Version.CANARY;
        };
    }
}
