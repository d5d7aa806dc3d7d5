package sdlab.chapters.traffic.responses;

import java.util.random.RandomGenerator;
import sdlab.chapters.traffic.responses.ApiMessage.ApiResponse;

/**
 * What a client does after a 429: how long it waits before retrying, and whether that wait
 * holds back only the throttled request or every request the client has (the Strategy each
 * variant of chapter 17 plugs into the same client).
 */
sealed interface RetryPolicy {

    /**
     * The wait before retrying the throttled request, on its {@code attempt}-th try so far, read
     * from {@code response} at the client's wall clock {@code epochMillisNow}.
     */
    long waitNanos(ApiResponse response, int attempt, long epochMillisNow, RandomGenerator random);

    /** True when the wait applies to all of the client's requests to this server, not only the throttled one. */
    boolean holdsWholeClient();

    /** True when the client also slows down on its own when an allowed response says the quota is used up. */
    default boolean pacesByRateLimitField() {
        return false;
    }

    /** Retries after a fixed delay, usually none: a client that finds no retry time in the response. */
    record Blind(long delayNanos) implements RetryPolicy {
        @Override
        public long waitNanos(ApiResponse response, int attempt, long epochMillisNow, RandomGenerator random) {
            return delayNanos;
        }

        @Override
        public boolean holdsWholeClient() {
            return false;
        }
    }

    /**
     * Exponential backoff: {@code baseNanos × 2^(attempt-1)}, at most {@code capNanos}; with
     * full jitter, a wait drawn uniformly from zero to that (as AWS's architecture blog
     * recommends). Headers are ignored.
     */
    record Backoff(long baseNanos, long capNanos, boolean jitter) implements RetryPolicy {
        @Override
        public long waitNanos(ApiResponse response, int attempt, long epochMillisNow, RandomGenerator random) {
            int doublings = Math.min(attempt - 1, 62);
            long ceiling = baseNanos > (capNanos >> doublings) ? capNanos : baseNanos << doublings;
            return jitter ? random.nextLong(ceiling + 1) : ceiling;
        }

        @Override
        public boolean holdsWholeClient() {
            return false;
        }
    }

    /**
     * Waits as long as {@code Retry-After} says, holding every request of the client meanwhile
     * (RFC 9110 addresses the wait to the user agent, not to one request); without the field,
     * falls back to {@code fallbackNanos}. With {@code paceByRateLimit} the client also reads
     * the {@code RateLimit} field of allowed responses and pauses when no quota remains.
     */
    record HonourRetryAfter(long fallbackNanos, boolean paceByRateLimit) implements RetryPolicy {
        @Override
        public long waitNanos(ApiResponse response, int attempt, long epochMillisNow, RandomGenerator random) {
            return response.header(Headers.RETRY_AFTER)
                    .flatMap(value -> RetryTime.waitNanos(value, epochMillisNow))
                    .orElse(fallbackNanos);
        }

        @Override
        public boolean holdsWholeClient() {
            return true;
        }

        @Override
        public boolean pacesByRateLimitField() {
            return paceByRateLimit;
        }
    }
}
