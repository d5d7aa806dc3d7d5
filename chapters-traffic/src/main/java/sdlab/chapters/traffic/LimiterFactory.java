package sdlab.chapters.traffic;

import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.RateLimiter;

/** Makes the rate limiters a chapter's nodes use; tests swap it to plant a broken limiter. */
@FunctionalInterface
public interface LimiterFactory {
    /** The limiters as sdlab's traffic module implements them. */
    LimiterFactory REAL = RateLimitAlgorithm::create;

    /** A fresh limiter of {@code algorithm} enforcing {@code policy}. */
    RateLimiter create(RateLimitAlgorithm algorithm, RateLimitPolicy policy);
}
