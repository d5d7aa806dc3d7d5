package sdlab.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import sdlab.bench.limit.LimiterUnderTest;
import sdlab.bench.limit.SteppingClock;

/**
 * One permit from each of sdlab's six rate-limiting algorithms against Bucket4j's local bucket
 * (the {@code bucket4j} parameter), with the same policy (500 permits per millisecond, burst 1,000) and a
 * {@link SteppingClock} that advances 1 µs per reading, so that about half the calls are denied
 * and both sides pay for the same clock. {@code oneThread} uses limiters built for one thread
 * (sdlab's bare, Bucket4j without synchronisation); {@code twoThreads} shares one limiter
 * between two threads (sdlab's behind a lock as in the gateway, Bucket4j lock-free). Scores are
 * calls per microsecond; higher is faster.
 *
 * <p>Run it from the repository root after {@code mvn -o -q -pl bench install -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     RateLimiterBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>{@code sdlab bench limiters} runs it the same way, one limiter and thread count at a time,
 * and prints each algorithm's ratio to Bucket4j.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RateLimiterBenchmark {
    private static final long STEP_NANOS = 1_000;

    /** A limiter built for one thread. */
    @State(Scope.Thread)
    public static class OwnLimiter {
        /** Which limiter: an sdlab algorithm's configuration name or {@code bucket4j}. */
        @Param({
            "token-bucket",
            "leaky-bucket",
            "fixed-window",
            "sliding-window-log",
            "sliding-window-counter",
            "gcra",
            LimiterUnderTest.BUCKET4J
        })
        public String limiter;

        LimiterUnderTest underTest;

        @Setup
        public void setUp() {
            underTest = LimiterUnderTest.create(limiter, new SteppingClock(STEP_NANOS), false);
        }
    }

    /** One limiter shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class SharedLimiter {
        /** Which limiter, as in {@link OwnLimiter}. */
        @Param({
            "token-bucket",
            "leaky-bucket",
            "fixed-window",
            "sliding-window-log",
            "sliding-window-counter",
            "gcra",
            LimiterUnderTest.BUCKET4J
        })
        public String limiter;

        LimiterUnderTest underTest;

        @Setup
        public void setUp() {
            underTest = LimiterUnderTest.create(limiter, new SteppingClock(STEP_NANOS), true);
        }
    }

    @Benchmark
    @Threads(1)
    public boolean oneThread(OwnLimiter state) {
        return state.underTest.tryAcquire();
    }

    @Benchmark
    @Threads(2)
    public boolean twoThreads(SharedLimiter state) {
        return state.underTest.tryAcquire();
    }
}
