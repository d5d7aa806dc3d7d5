package sdlab.traffic.ratelimit;

/**
 * GCRA, the generic cell rate algorithm of ATM networks (ITU-T I.371), in its virtual
 * scheduling form: the whole state is one time, the theoretical arrival time (TAT) of the next
 * request if traffic flowed exactly at the rate. Each permit pushes the TAT one emission
 * interval {@code periodNanos / limit} later; a request is admitted when the TAT it would leave
 * is at most {@code burst} emission intervals ahead of now.
 *
 * <p>GCRA admits exactly what a token bucket of capacity {@code burst} admits (the tests check
 * this decision by decision); what it changes is the state: one timestamp instead of a token
 * count and a refill time, which is why stores such as Redis-backed limiters favour it.
 *
 * <p><b>Burst:</b> {@code burst} permits at one instant. <b>Promise:</b> at most
 * {@code burst + limit × T / periodNanos} permits over any closed interval of length {@code T}.
 * <b>Fairness:</b> as a token bucket: first come, first served; large requests can starve.
 *
 * <p>The emission interval is rarely a whole number of nanoseconds, so the TAT is kept as whole
 * nanoseconds plus a remainder in {@code 1/limit} of a nanosecond: exact, never rounded.
 */
public final class Gcra implements RateLimiter {
    private final RateLimitPolicy policy;
    private final long toleranceScaled;
    private final TimeGuard clock = new TimeGuard();
    private long tatNanos;
    /** The fractional part of the TAT, in units of 1/limit nanosecond; 0 <= tatFraction < limit. */
    private long tatFraction;

    Gcra(RateLimitPolicy policy) {
        this.policy = policy;
        this.toleranceScaled = policy.burst() * policy.periodNanos();
    }

    @Override
    public Decision tryAcquire(long nowNanos, int permits) {
        long now = clock.advance(nowNanos, permits);
        if (tatNanos < now) {
            tatNanos = now;
            tatFraction = 0;
        }
        long backlogScaled = backlogScaled(now);
        if (permits > policy.burst()) {
            return Decision.deny(remaining(backlogScaled), Decision.NEVER, resetAfterNanos(backlogScaled));
        }
        long costScaled = permits * policy.periodNanos();
        if (backlogScaled + costScaled <= toleranceScaled) {
            long sum = tatFraction + costScaled;
            tatNanos += sum / policy.limit();
            tatFraction = sum % policy.limit();
            long backlogAfter = backlogScaled + costScaled;
            return Decision.allow(remaining(backlogAfter), resetAfterNanos(backlogAfter));
        }
        long retryAfterNanos = Math.ceilDiv(backlogScaled + costScaled - toleranceScaled, policy.limit());
        return Decision.deny(remaining(backlogScaled), retryAfterNanos, resetAfterNanos(backlogScaled));
    }

    @Override
    public RateLimitPolicy policy() {
        return policy;
    }

    @Override
    public boolean isAtRest(long nowNanos) {
        long now = clock.peek(nowNanos);
        return tatNanos < now || (tatNanos == now && tatFraction == 0);
    }

    /** How far the TAT is ahead of now, in units of 1/limit nanosecond (TAT >= now here). */
    private long backlogScaled(long now) {
        return (tatNanos - now) * policy.limit() + tatFraction;
    }

    private long remaining(long backlogScaled) {
        return (toleranceScaled - backlogScaled) / policy.periodNanos();
    }

    private long resetAfterNanos(long backlogScaled) {
        return Math.ceilDiv(backlogScaled, policy.limit());
    }
}
