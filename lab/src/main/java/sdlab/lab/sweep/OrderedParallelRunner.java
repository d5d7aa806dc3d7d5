package sdlab.lab.sweep;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs a task for each seed of a range on a bounded pool and hands the results to a consumer in seed order, on the
 * calling thread. Ordering makes everything downstream (floating-point sums, "first counterexample") independent of
 * the thread count. At most {@code threads * WINDOW_PER_THREAD} results are in flight or waiting, so memory stays
 * bounded even when one slow seed holds up the ones after it.
 */
final class OrderedParallelRunner {
    private static final int WINDOW_PER_THREAD = 4;

    private OrderedParallelRunner() {}

    static <R> void run(long firstSeed, int seedCount, int threads, LongFunction<R> task, Consumer<R> inOrder) {
        if (threads == 1) {
            for (long seed = firstSeed; seed < firstSeed + seedCount; seed++) {
                inOrder.accept(task.apply(seed));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        try {
            runOn(pool, firstSeed, seedCount, threads * WINDOW_PER_THREAD, task, inOrder);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> void runOn(
            ExecutorService pool,
            long firstSeed,
            int seedCount,
            int window,
            LongFunction<R> task,
            Consumer<R> inOrder) {
        Deque<Future<R>> inFlight = new ArrayDeque<>(window);
        long nextSeed = firstSeed;
        long endSeed = firstSeed + seedCount;
        while (nextSeed < endSeed || !inFlight.isEmpty()) {
            while (nextSeed < endSeed && inFlight.size() < window) {
                long seed = nextSeed++;
                inFlight.addLast(pool.submit(() -> task.apply(seed)));
            }
            inOrder.accept(await(inFlight.removeFirst()));
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            // The task's own exception (a SweepFailure with the seed) is what the caller should see.
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Daemon threads, so that a sweep abandoned by an exception never keeps the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger created = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "sdlab-sweep-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
