/**
 * sdlab's rate limiters ({@code sdlab.traffic.ratelimit}) against Bucket4j, the Java library
 * most services would reach for instead, on equal terms.
 *
 * <p>{@link sdlab.bench.limit.LimiterUnderTest} builds each of the six algorithms and a
 * Bucket4j local bucket with one policy (500 permits per millisecond, burst 1,000), all reading
 * one {@link sdlab.bench.limit.SteppingClock} that moves 1 µs per reading, so both sides do the
 * same arithmetic on the same times and neither pays for a system clock. Built for one thread,
 * sdlab's limiter runs bare and Bucket4j unsynchronised; shared, sdlab's sits behind a lock (as
 * in the gateway) and Bucket4j uses its lock-free default. {@code
 * sdlab.bench.jmh.RateLimiterBenchmark} is the JMH measurement, and {@link
 * sdlab.bench.limit.LimiterJmh} runs it, one forked JVM per limiter and thread count, for {@code
 * sdlab bench limiters}.
 */
package sdlab.bench.limit;
