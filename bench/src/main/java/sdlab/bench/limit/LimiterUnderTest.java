package sdlab.bench.limit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;
import sdlab.traffic.ratelimit.RateLimiter;

/**
 * One limiter as the benchmark drives it: take one permit now, allowed or not. sdlab's six
 * algorithms and Bucket4j's local bucket, each built for one thread or for several:
 * single-threaded, sdlab's limiter runs bare and Bucket4j with {@link
 * SynchronizationStrategy#NONE}; shared, sdlab's sits behind a {@link ReentrantLock} as in the
 * gateway and Bucket4j uses its default lock-free strategy. Same policy on both sides.
 */
public interface LimiterUnderTest {
    /**
     * Permits per {@link #PERIOD} of the benchmark's policy, 500,000 a second: with a 1 µs clock
     * step about half the calls are denied. A short period keeps the window algorithms' windows
     * (and the sliding log) small, as a bucket's burst is.
     */
    long LIMIT = 500;

    /** The period of {@link #LIMIT}. */
    Duration PERIOD = Duration.ofMillis(1);

    /** The benchmark policy's burst (the buckets' capacity; window algorithms admit {@link #LIMIT} per window). */
    long BURST = 1_000;

    /** The name of Bucket4j's entry. */
    String BUCKET4J = "bucket4j";

    /** Takes one permit at the clock's next reading; true when allowed. */
    boolean tryAcquire();

    /** The names: sdlab's algorithms by their configuration names, then {@value #BUCKET4J}. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (RateLimitAlgorithm algorithm : RateLimitAlgorithm.values()) {
            names.add(algorithm.configName());
        }
        names.add(BUCKET4J);
        return names;
    }

    /** The limiter named {@code name}, reading {@code clock}, safe for several threads when {@code shared}. */
    static LimiterUnderTest create(String name, SteppingClock clock, boolean shared) {
        if (name.equals(BUCKET4J)) {
            Bucket bucket = Bucket.builder()
                    .addLimit(Bandwidth.builder()
                            .capacity(BURST)
                            .refillGreedy(LIMIT, PERIOD)
                            .build())
                    .withCustomTimePrecision(clock)
                    .withSynchronizationStrategy(
                            shared ? SynchronizationStrategy.LOCK_FREE : SynchronizationStrategy.NONE)
                    .build();
            return () -> bucket.tryConsume(1);
        }
        RateLimiter limiter =
                RateLimitAlgorithm.parse(name).create(new RateLimitPolicy(LIMIT, PERIOD.toNanos(), BURST));
        if (!shared) {
            return () -> limiter.tryAcquire(clock.currentTimeNanos()).allowed();
        }
        ReentrantLock lock = new ReentrantLock();
        return () -> {
            lock.lock();
            try {
                return limiter.tryAcquire(clock.currentTimeNanos()).allowed();
            } finally {
                lock.unlock();
            }
        };
    }
}
