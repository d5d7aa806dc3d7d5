package sdlab.traffic.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;
import sdlab.traffic.ratelimit.http.ThrottleResponse;

/**
 * Sheds load when the gateway as a whole has more requests in flight than it may: 503 with
 * {@code Retry-After}, since the server, not this client, is over capacity.
 */
final class LoadShedFilter implements GatewayFilter {
    private static final long RETRY_AFTER_NANOS = 1_000_000_000L;

    private final AtomicInteger inFlight;
    private final int inFlightMax;

    LoadShedFilter(AtomicInteger inFlight, int inFlightMax) {
        this.inFlight = inFlight;
        this.inFlightMax = inFlightMax;
    }

    @Override
    public Outcome apply(Request request) {
        if (inFlight.get() > inFlightMax) {
            return new Outcome.Respond(ThrottleResponse.serviceUnavailable(
                    "in-flight-requests", RETRY_AFTER_NANOS, RetryAfterFormat.DELTA_SECONDS, request.epochMillis()));
        }
        return PROCEED;
    }
}
