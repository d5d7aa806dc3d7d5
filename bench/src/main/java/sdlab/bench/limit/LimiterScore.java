package sdlab.bench.limit;

/**
 * What JMH measured of one limiter.
 *
 * @param name the limiter's name
 * @param threads threads calling it at once (sharing one limiter when 2)
 * @param callsPerMicrosecond calls per microsecond, all threads together
 * @param error JMH's 99.9 % confidence half-width of the same unit (NaN with one iteration)
 */
public record LimiterScore(String name, int threads, double callsPerMicrosecond, double error) {}
