package sdlab.bench.limit;

import io.github.bucket4j.TimeMeter;

/**
 * The clock both sides of the limiter benchmark read: each reading advances it by a fixed step,
 * so sdlab's limiters (which take the time as an argument) and Bucket4j (which asks its {@link
 * TimeMeter}) see the same times for the same work, without a system call. Shared by two
 * threads it races harmlessly: a lost increment only repeats a time, and both limiters accept
 * repeated and slightly stale times.
 */
public final class SteppingClock implements TimeMeter {
    private final long stepNanos;
    private long nanos;

    /** A clock at zero that advances {@code stepNanos} per reading. */
    public SteppingClock(long stepNanos) {
        assert stepNanos > 0;
        this.stepNanos = stepNanos;
    }

    @Override
    public long currentTimeNanos() {
        nanos += stepNanos;
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
