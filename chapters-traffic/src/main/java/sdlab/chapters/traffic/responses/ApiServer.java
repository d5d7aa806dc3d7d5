package sdlab.chapters.traffic.responses;

import java.util.ArrayList;
import java.util.List;
import sdlab.chapters.traffic.responses.ApiMessage.ApiRequest;
import sdlab.chapters.traffic.responses.ApiMessage.ApiResponse;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.KeyedRateLimiter;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.http.HeaderField;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;
import sdlab.traffic.ratelimit.http.ThrottleResponse;

/**
 * The API: a keyed rate limiter (one quota per client) in front of a resource. Allowed
 * requests get 200 with the resource's validators ({@code ETag}, {@code Last-Modified}) and the
 * IETF {@code RateLimit-Policy} and {@code RateLimit} fields; refused ones get the 429 that
 * sdlab's real gateway sends, built by {@link ThrottleResponse#tooManyRequests} with the
 * project's own header builders. Answers take no time: the chapter is about the clients.
 *
 * <p>For every 429 it also measures its own words: for each candidate header, whether it
 * carries a retry time, and whether {@code Retry-After} asks for at least the limiter's exact
 * wait (never less, so that a client that obeys is never refused for coming back early).
 */
final class ApiServer implements Node {
    static final String POLICY_NAME = "api";

    private static final String RESOURCE_ETAG = "\"v42\"";
    private static final String RESOURCE_LAST_MODIFIED = "Thu, 01 Jan 2026 00:00:00 GMT";

    private final KeyedRateLimiter<String> limiters;
    private final RateLimitPolicy policy;
    private final RetryAfterFormat format;
    private final ResponsesTally tally;

    ApiServer(
            KeyedRateLimiter<String> limiters, RateLimitPolicy policy, RetryAfterFormat format, ResponsesTally tally) {
        this.limiters = limiters;
        this.policy = policy;
        this.format = format;
        this.tally = tally;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof ApiRequest request)) {
            throw new IllegalStateException("the API does not expect " + message);
        }
        long now = ctx.nowNanos();
        boolean retry = request.attempt() > 1;
        tally.arrived(now, retry);
        Decision decision = limiters.tryAcquire(from.name(), now, 1);
        ApiResponse response = decision.allowed() ? ok(request, decision) : throttled(request, decision, now);
        ctx.send(from, response);
    }

    private ApiResponse ok(ApiRequest request, Decision decision) {
        List<HeaderField> headers = new ArrayList<>();
        headers.add(new HeaderField(Headers.CONTENT_TYPE, "application/json"));
        headers.add(new HeaderField(Headers.ETAG, RESOURCE_ETAG));
        headers.add(new HeaderField(Headers.LAST_MODIFIED, RESOURCE_LAST_MODIFIED));
        headers.addAll(ThrottleResponse.rateLimitHeaders(POLICY_NAME, policy, decision));
        return new ApiResponse(request.requestId(), request.worker(), 200, headers);
    }

    private ApiResponse throttled(ApiRequest request, Decision decision, long nowNanos) {
        long epochMillisNow = RetryTime.epochMillis(nowNanos, 0);
        ThrottleResponse throttle =
                ThrottleResponse.tooManyRequests(POLICY_NAME, policy, decision, format, epochMillisNow);
        ApiResponse response =
                new ApiResponse(request.requestId(), request.worker(), throttle.status(), throttle.headers());
        boolean[] timedBy = new boolean[Headers.CANDIDATES.size()];
        for (int i = 0; i < timedBy.length; i++) {
            timedBy[i] = response.header(Headers.CANDIDATES.get(i))
                    .flatMap(value -> RetryTime.waitNanos(value, epochMillisNow))
                    .isPresent();
        }
        long advisedNanos = response.header(Headers.RETRY_AFTER)
                .flatMap(value -> RetryTime.waitNanos(value, epochMillisNow))
                .orElse(0L);
        tally.throttled(request.attempt() > 1, timedBy, advisedNanos < decision.retryAfterNanos());
        return response;
    }
}
