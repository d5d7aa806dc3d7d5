package sdlab.chapters.traffic.canary;

import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;

/** How the ingress of the header strategy picks a version for a request; tests plant a broken one. */
@FunctionalInterface
interface CanaryRouter {

    /**
     * The version for {@code request}, while the header rule is {@code ruleOn}. With
     * {@code pinSessions}, a session keeps the version of its first request; otherwise the
     * canary header decides every request.
     */
    Version route(PageRequest request, boolean ruleOn, boolean pinSessions);

    /**
     * A session's pin wins; a session without one goes to the canary when the rule is on and
     * the request carries the header. A session pinned to a canary that is gone (rolled back)
     * goes to stable: nothing else is left to serve it.
     */
    CanaryRouter PIN_THEN_HEADER = (request, ruleOn, pinSessions) -> {
        if (pinSessions && request.pin() != Pin.NONE) {
            return request.pin() == Pin.CANARY && ruleOn ? Version.CANARY : Version.STABLE;
        }
        return ruleOn && request.chosen() ? Version.CANARY : Version.STABLE;
    };
}
