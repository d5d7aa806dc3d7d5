package sdlab.bench.limit;

/**
 * What a timing loop measured of one limiter.
 *
 * @param name the limiter's name
 * @param threads threads calling it at once
 * @param calls calls made by all threads together
 * @param allowed calls that were allowed
 * @param wallNanos wall time of the measured loop
 */
public record LimiterTiming(String name, int threads, long calls, long allowed, long wallNanos) {
    public LimiterTiming {
        assert threads >= 1 && calls >= 0 && allowed >= 0 && allowed <= calls && wallNanos > 0;
    }

    /** Calls per second, all threads together. */
    public double callsPerSecond() {
        return calls * 1e9 / wallNanos;
    }

    /** Wall nanoseconds per call, all threads together (the inverse of the rate). */
    public double nanosPerCall() {
        return calls == 0 ? Double.NaN : (double) wallNanos / calls;
    }
}
