package sdlab.bench.limit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A plain timing loop (no JMH): threads call one limiter as fast as they can for a warm-up,
 * then for the measured time, and the calls are counted. Cruder than {@code
 * RateLimiterBenchmark} (no forks, no dead-code guard beyond counting allowed calls), but quick
 * enough for a README table; the JMH benchmark is the careful figure.
 */
public final class LimiterLoop {
    /** Calls between two readings of the deadline clock, so reading it costs little. */
    private static final int CALLS_PER_CHECK = 1024;

    private LimiterLoop() {}

    /** Times the limiter {@code name} (see {@link LimiterUnderTest#names()}) on {@code threads} threads. */
    public static LimiterTiming time(String name, int threads, Duration warmup, Duration measure) {
        LimiterUnderTest limiter = LimiterUnderTest.create(name, new SteppingClock(1_000), threads > 1);
        run(limiter, threads, warmup);
        long start = System.nanoTime();
        long[] counts = run(limiter, threads, measure);
        long wallNanos = System.nanoTime() - start;
        return new LimiterTiming(name, threads, counts[0], counts[1], wallNanos);
    }

    /** Calls and allowed calls of all threads, looping until {@code duration} has passed. */
    private static long[] run(LimiterUnderTest limiter, int threads, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        LongAdder calls = new LongAdder();
        LongAdder allowed = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> loop(limiter, deadline, calls, allowed)));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while timing a limiter", e);
            }
        }
        return new long[] {calls.sum(), allowed.sum()};
    }

    private static void loop(LimiterUnderTest limiter, long deadline, LongAdder calls, LongAdder allowed) {
        long made = 0;
        long yes = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < CALLS_PER_CHECK; i++) {
                if (limiter.tryAcquire()) {
                    yes++;
                }
            }
            made += CALLS_PER_CHECK;
        }
        calls.add(made);
        allowed.add(yes);
    }
}
