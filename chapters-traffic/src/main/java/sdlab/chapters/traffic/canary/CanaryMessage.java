package sdlab.chapters.traffic.canary;

import java.util.List;
import sdlab.core.Message;
import sdlab.core.NodeId;

/** Chapter 4's protocol: page requests and responses, the release's changes, and DNS. */
sealed interface CanaryMessage extends Message {

    /** A session's pin, as the cookie the ingress set on the session's first response. */
    enum Pin {
        NONE,
        STABLE,
        CANARY
    }

    /**
     * A page request.
     *
     * @param requestId unique per user
     * @param chosen true when the app marks the user as chosen for the canary (the canary header)
     * @param pin the session's pin cookie, NONE on a session's first request
     */
    record PageRequest(long requestId, boolean chosen, Pin pin) implements CanaryMessage {}

    /** The ingress hands a request to a pod, with the pin to set on the response (NONE: leave as is). */
    record Forward(NodeId user, PageRequest request, Pin setPin) implements CanaryMessage {}

    /** The page, saying which version served it, and the pin cookie to keep for the session. */
    record PageResponse(long requestId, Version servedBy, Pin setPin) implements CanaryMessage {}

    /** The ingress routes requests that carry the canary header to the canary pods, or stops doing so. */
    record HeaderRule(boolean on) implements CanaryMessage {}

    /** The pods behind the ingress's service, picked at random per request. */
    record Endpoints(List<NodeId> pods) implements CanaryMessage {
        public Endpoints {
            pods = List.copyOf(pods);
        }
    }

    /** A pod (or node) now runs this version. */
    record SetVersion(Version version) implements CanaryMessage {}

    /** The site's DNS record now points at {@code target}. */
    record DnsRecord(NodeId target) implements CanaryMessage {}

    /** A client asks for the site's address. */
    record Resolve() implements CanaryMessage {}

    /** The site's address, to be cached for {@code ttlNanos}. */
    record Answer(NodeId target, long ttlNanos) implements CanaryMessage {}
}
