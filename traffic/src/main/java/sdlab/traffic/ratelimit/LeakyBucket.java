package sdlab.traffic.ratelimit;

/**
 * Leaky bucket <em>as a queue</em> (the shaper of Turner 1986 and of nginx's {@code limit_req}
 * without {@code nodelay}): requests pour into a bucket of {@code burst} permits that leaks at
 * {@code limit / periodNanos} permits per nanosecond. A request that fits is admitted and told
 * to wait ({@link Decision#delayNanos()}) until the water ahead of it has leaked out; one that
 * does not fit is denied.
 *
 * <p>(Leaky bucket <em>as a meter</em>, the other reading of the name, admits or denies without
 * delay and is exactly {@link Gcra}; this class is the queue, which also shapes the output.)
 *
 * <p><b>Burst:</b> the bucket accepts {@code burst} permits at one instant but forwards them
 * one after the other: the output never bursts. <b>Promise:</b> accepted permits over any closed
 * interval of length {@code T} are at most {@code burst + limit × T / periodNanos} (the same
 * acceptance as a token bucket); forwarded permits (admission time plus delay) over any interval
 * of length {@code T} are at most {@code limit × (T + 1) / periodNanos} plus the permits of the
 * last request, the {@code + 1} being the rounding of delays up to whole nanoseconds.
 * <b>Fairness:</b> first in, first out: admitted requests leave in arrival order, and latency,
 * not loss, absorbs a burst (up to {@code burst × periodNanos / limit}).
 */
public final class LeakyBucket implements RateLimiter {
    private final RateLimitPolicy policy;
    private final long capacityScaled;
    private final TimeGuard clock = new TimeGuard();
    /** Water in the bucket: one permit is periodNanos units; each nanosecond leaks limit units. */
    private long levelScaled;

    private long leakedAtNanos;

    LeakyBucket(RateLimitPolicy policy) {
        this.policy = policy;
        this.capacityScaled = policy.burst() * policy.periodNanos();
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        leak(now);
        if (permits > policy.burst()) {
            return Decision.deny(remaining(), Decision.NEVER, drainNanos(levelScaled));
        }
        long costScaled = permits * policy.periodNanos();
        if (levelScaled + costScaled <= capacityScaled) {
            long delayNanos = drainNanos(levelScaled);
            levelScaled += costScaled;
            return new Decision(true, remaining(), 0, drainNanos(levelScaled), delayNanos);
        }
        long retryAfterNanos = drainNanos(levelScaled + costScaled - capacityScaled);
        return Decision.deny(remaining(), retryAfterNanos, drainNanos(levelScaled));
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        return clock.peek(nowNanos) - leakedAtNanos >= drainNanos(levelScaled);
    }

    private void leak(long now) {
        long elapsedNanos = now - leakedAtNanos;
        leakedAtNanos = now;
        // Clamp before multiplying: an empty bucket stays empty however long it idles.
        if (elapsedNanos >= drainNanos(levelScaled)) {
            levelScaled = 0;
        } else {
            levelScaled -= elapsedNanos * policy.limit();
        }
    }

    private long remaining() {
        return (capacityScaled - levelScaled) / policy.periodNanos();
    }

    private long drainNanos(long waterScaled) {
        return Math.ceilDiv(waterScaled, policy.limit());
    }
}
