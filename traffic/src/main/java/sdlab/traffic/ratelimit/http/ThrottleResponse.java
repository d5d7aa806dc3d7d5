package sdlab.traffic.ratelimit.http;

import java.util.ArrayList;
import java.util.List;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;

/**
 * The response to send instead of forwarding a request: its status, header fields and a small
 * problem+json body (RFC 9457), with the problem types of the RateLimit draft. Pure: the
 * gateway writes it to the wire.
 *
 * @param status 429 (throttled) or 503 (shedding load)
 * @param headers the fields to send, in order
 * @param body the problem+json body
 */
public record ThrottleResponse(int status, List<HeaderField> headers, String body) {
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final String CONTENT_TYPE = "application/problem+json";

    public ThrottleResponse {
        headers = List.copyOf(headers);
    }

    /**
     * 429 for a denied decision of the policy {@code policyName}: {@code Retry-After} in the
     * chosen form, {@code RateLimit-Policy} and {@code RateLimit}.
     */
    public static ThrottleResponse tooManyRequests(
            String policyName,
            RateLimitPolicy policy,
            Decision decision,
            RetryAfterFormat format,
            long epochMillisNow) {
        List<HeaderField> headers = new ArrayList<>(4);
        headers.add(
                new HeaderField("Retry-After", RetryAfter.value(format, decision.retryAfterNanos(), epochMillisNow)));
        headers.addAll(rateLimitHeaders(policyName, policy, decision));
        headers.add(new HeaderField("Content-Type", CONTENT_TYPE));
        String body = problem("quota-exceeded", "Too many requests: quota exceeded", policyName);
        return new ThrottleResponse(TOO_MANY_REQUESTS, headers, body);
    }

    /** 503 for load shedding: the server, not the client, is over capacity; retry after the wait. */
    public static ThrottleResponse serviceUnavailable(
            String reason, long retryAfterNanos, RetryAfterFormat format, long epochMillisNow) {
        List<HeaderField> headers = List.of(
                new HeaderField("Retry-After", RetryAfter.value(format, retryAfterNanos, epochMillisNow)),
                new HeaderField("Content-Type", CONTENT_TYPE));
        String body = problem("temporary-reduced-capacity", "Service unavailable: shedding load", reason);
        return new ThrottleResponse(SERVICE_UNAVAILABLE, headers, body);
    }

    /** {@code RateLimit-Policy} and {@code RateLimit}, for any response (allowed ones too). */
    public static List<HeaderField> rateLimitHeaders(String policyName, RateLimitPolicy policy, Decision decision) {
        return new RateLimitHeaders(policyName, policy).of(decision);
    }

    private static String problem(String type, String title, String violated) {
        return "{\"type\":\"https://iana.org/assignments/http-problem-types#" + type + "\",\"title\":\"" + title
                + "\",\"violated-policies\":[" + jsonString(violated) + "]}";
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
