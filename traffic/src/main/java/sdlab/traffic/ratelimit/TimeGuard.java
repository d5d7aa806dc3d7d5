package sdlab.traffic.ratelimit;

/** Checks shared by every limiter: valid arguments, and time that never runs backwards. */
final class TimeGuard {
    private long latestNanos;

    /** The time to use for a call at {@code nowNanos}: never earlier than a time already seen. */
    long advance(long nowNanos, int permits) {
        if (nowNanos < 0) {
            throw new IllegalArgumentException("time must be non-negative nanos from an origin, got " + nowNanos);
        }
        if (permits < 0) {
            throw new IllegalArgumentException("permits must be non-negative, got " + permits);
        }
        latestNanos = Math.max(latestNanos, nowNanos);
        return latestNanos;
    }

    /** The time a read-only query at {@code nowNanos} sees. */
    long peek(long nowNanos) {
        return Math.max(latestNanos, nowNanos);
    }
}
