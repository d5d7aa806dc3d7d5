package sdlab.chapters.traffic.placement;

import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.RateLimiter;

/** Makes the limiters the tiers use; tests swap it to plant a broken limiter. */
@FunctionalInterface
interface LimiterFactory {
    /** The limiters as sdlab's traffic module implements them. */
    LimiterFactory REAL = RateLimitAlgorithm::create;

    RateLimiter create(RateLimitAlgorithm algorithm, RateLimitPolicy policy);
}
