package sdlab.traffic.ratelimit;

/**
 * Token bucket: a bucket of {@code burst} tokens, refilled continuously at
 * {@code limit / periodNanos} tokens per nanosecond; a request takes one token per permit or is
 * denied.
 *
 * <p><b>Burst:</b> a full bucket admits {@code burst} permits at one instant; after that,
 * requests are admitted at the refill rate. <b>Promise:</b> over any closed interval of
 * length {@code T} nanoseconds it admits at most {@code burst + limit × T / periodNanos}
 * permits, and this bound is tight. <b>Fairness:</b> none between callers sharing one bucket:
 * whoever asks first after a refill wins; a large request can starve behind a stream of small
 * ones (it waits for the bucket to hold all its tokens at once).
 *
 * <p>Tokens are kept as exact integers in units of one nanosecond of refill: one permit is
 * {@code periodNanos} units and each nanosecond adds {@code limit} units, so no rounding ever
 * admits an extra request.
 */
public final class TokenBucket implements RateLimiter {
    private final RateLimitPolicy policy;
    private final long capacityScaled;
    private final TimeGuard clock = new TimeGuard();
    private long tokensScaled;
    private long refilledAtNanos;

    TokenBucket(RateLimitPolicy policy) {
        this.policy = policy;
        this.capacityScaled = policy.burst() * policy.periodNanos();
        this.tokensScaled = capacityScaled;
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        refill(now);
        if (permits > policy.burst()) {
            return Decision.deny(remaining(), Decision.NEVER, resetAfterNanos());
        }
        long costScaled = permits * policy.periodNanos();
        if (costScaled <= tokensScaled) {
            tokensScaled -= costScaled;
            return Decision.allow(remaining(), resetAfterNanos());
        }
        long retryAfterNanos = Math.ceilDiv(costScaled - tokensScaled, policy.limit());
        return Decision.deny(remaining(), retryAfterNanos, resetAfterNanos());
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        long elapsedNanos = clock.peek(nowNanos) - refilledAtNanos;
        return elapsedNanos >= resetAfterNanos();
    }

    private void refill(long now) {
        long elapsedNanos = now - refilledAtNanos;
        refilledAtNanos = now;
        // Beyond the time that fills the bucket, more elapsed time adds nothing; clamping first
        // keeps elapsed × limit far from overflow after a long idle spell.
        if (elapsedNanos >= resetAfterNanos()) {
            tokensScaled = capacityScaled;
        } else {
            tokensScaled += elapsedNanos * policy.limit();
        }
    }

    private long remaining() {
        return tokensScaled / policy.periodNanos();
    }

    private long resetAfterNanos() {
        return Math.ceilDiv(capacityScaled - tokensScaled, policy.limit());
    }
}
