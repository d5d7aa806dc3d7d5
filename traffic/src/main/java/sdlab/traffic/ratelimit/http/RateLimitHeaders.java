package sdlab.traffic.ratelimit.http;

import java.util.List;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;

/**
 * The {@link RateLimitFields} of one named policy, for every response it decides: the
 * {@code RateLimit-Policy} field and the quoted name never change, so they are made once, and a
 * gateway that adds the fields to every allowed response builds only the {@code RateLimit}
 * value per request.
 */
public final class RateLimitHeaders {
    private final HeaderField policyField;
    private final String quotedName;

    public RateLimitHeaders(String policyName, RateLimitPolicy policy) {
        this.policyField = new HeaderField(RateLimitFields.POLICY_FIELD, RateLimitFields.policy(policyName, policy));
        this.quotedName = RateLimitFields.sfString(policyName);
    }

    /** {@code RateLimit-Policy} and {@code RateLimit} for {@code decision}. */
    public List<HeaderField> of(Decision decision) {
        return List.of(
                policyField,
                new HeaderField(RateLimitFields.LIMIT_FIELD, RateLimitFields.limitQuoted(quotedName, decision)));
    }
}
