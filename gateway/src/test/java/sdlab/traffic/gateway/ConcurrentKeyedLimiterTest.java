package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.RateLimitPolicy;

class ConcurrentKeyedLimiterTest {
    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 50_000;

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void threadsHammeringOneKeyNeverGetMoreThanThePromise(RateLimitAlgorithm algorithm) throws Exception {
        // Four threads, one key, a shared ticking clock: the total admitted stays within the
        // algorithm's promise for the time that passed (rate × time + burst, or its window bound).
        RateLimitPolicy policy = new RateLimitPolicy(100, 1_000_000, 20); // 100 per ms of the fake clock
        ConcurrentKeyedLimiter<String> limiter = new ConcurrentKeyedLimiter<>(algorithm, policy, 1_000, 8);
        AtomicLong clockNanos = new AtomicLong(); // advances 10 ns per call, from every thread
        AtomicLong admitted = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    if (limiter.tryAcquire("hot", clockNanos.addAndGet(10), 1).allowed()) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsedNanos = clockNanos.get();
        assertThat(admitted.get()).isPositive();
        assertThat(withinPromise(algorithm, policy, elapsedNanos, admitted.get()))
                .as("%d admitted in %d ns", admitted.get(), elapsedNanos)
                .isTrue();
    }

    private static boolean withinPromise(
            RateLimitAlgorithm algorithm, RateLimitPolicy policy, long nanos, long permits) {
        long p = policy.periodNanos();
        long l = policy.limit();
        return switch (algorithm) {
            case TOKEN_BUCKET, GCRA, LEAKY_BUCKET -> permits * p <= policy.burst() * p + nanos * l;
            case FIXED_WINDOW, SLIDING_WINDOW_COUNTER -> permits <= l * (nanos / p + 2);
            case SLIDING_WINDOW_LOG -> permits <= l * (nanos / p + 1);
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
