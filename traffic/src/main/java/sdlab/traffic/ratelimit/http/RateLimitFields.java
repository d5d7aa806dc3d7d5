package sdlab.traffic.ratelimit.http;

import java.util.Base64;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;

/**
 * The IETF {@code RateLimit-Policy} and {@code RateLimit} header fields, as specified by
 * draft-ietf-httpapi-ratelimit-headers-11 (May 2026), sections 3 and 4: each is a Structured
 * Field list (RFC 9651) of items whose value is the policy's name as a String and whose
 * parameters carry the numbers.
 *
 * <ul>
 *   <li>{@code RateLimit-Policy: "api";q=100;w=60} — quota {@code q} in requests per window of
 *       {@code w} seconds (the policy's limit and period; a period that is not a whole number
 *       of seconds is rounded up, since the draft allows no sub-second windows).
 *   <li>{@code RateLimit: "api";r=0;t=3} — {@code r} the quota available now, {@code t} the
 *       effective window in seconds. When throttled we send the retry delay as {@code t}, so
 *       that it never ends before {@code Retry-After} (section 6 of the draft); otherwise the
 *       time until the full quota is back, which the draft tells clients not to rely on.
 * </ul>
 *
 * <p>An optional partition key {@code pk} (a Byte Sequence) names the bucket that was charged.
 */
public final class RateLimitFields {
    /** The field names, as registered by the draft. */
    public static final String POLICY_FIELD = "RateLimit-Policy";

    public static final String LIMIT_FIELD = "RateLimit";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private RateLimitFields() {}

    /** The {@code RateLimit-Policy} value for {@code policy} under {@code name}. */
    public static String policy(String name, RateLimitPolicy policy) {
        long windowSeconds = Math.max(1, Math.ceilDiv(policy.periodNanos(), NANOS_PER_SECOND));
        return sfString(name) + ";q=" + policy.limit() + ";w=" + windowSeconds;
    }

    /** The {@code RateLimit} value for a decision of the policy named {@code name}. */
    public static String limit(String name, Decision decision) {
        return limit(name, decision, null);
    }

    /** The {@code RateLimit} value with the partition key {@code pk}, or none if null. */
    public static String limit(String name, Decision decision, byte[] partitionKey) {
        String value = limitQuoted(sfString(name), decision);
        return partitionKey == null
                ? value
                : value + ";pk=:" + Base64.getEncoder().encodeToString(partitionKey) + ":";
    }

    /** The {@code RateLimit} value without a partition key, the name already a Structured Field String. */
    static String limitQuoted(String quotedName, Decision decision) {
        long windowNanos = decision.allowed() ? decision.resetAfterNanos() : decision.retryAfterNanos();
        return quotedName + ";r=" + decision.remaining() + ";t=" + RetryAfter.deltaSeconds(windowNanos);
    }

    /**
     * A Structured Field String (RFC 9651, section 3.3.3): printable ASCII in quotes, with
     * {@code "} and {@code \} escaped. Anything else is a programmer's error in a policy name.
     */
    static String sfString(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("a policy name must be printable ASCII: '" + text + "'");
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
