package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import sdlab.traffic.ratelimit.http.HeaderField;
import sdlab.traffic.ratelimit.http.ThrottleResponse;

/**
 * One link of the gateway's filter chain (request, then filters, then the route's target, then
 * an upstream server). A filter either lets the request go on, possibly after a delay and with
 * header fields to add to the eventual response, or answers it itself.
 */
interface GatewayFilter {

    /** What a filter sees: the request, the client's address and the matched route's name. */
    record Request(HttpRequest request, String clientIp, String routeName, long nowNanos, long epochMillis) {}

    /** A filter's verdict. */
    sealed interface Outcome {
        /** Go on; forward after {@code delayNanos}; add {@code responseHeaders} to the response. */
        record Proceed(long delayNanos, List<HeaderField> responseHeaders) implements Outcome {}

        /** Answer with this response instead of forwarding. */
        record Respond(ThrottleResponse response) implements Outcome {}
    }

    Outcome.Proceed PROCEED = new Outcome.Proceed(0, List.of());

    Outcome apply(Request request);
}
