package sdlab.bench.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The closed-loop load every system gets: {@code clients} threads, each with its own connection, each committing one
 * change at a time and starting the next when the last is answered, for a warm-up and then the measured time. Only the
 * measured time's commits are timed; errors count from the start, since a run that failed while warming up is not a
 * figure either.
 */
public final class CommitLoad {
    /** The longest latency recorded: far beyond any timeout a client would wait. */
    private static final long LATENCY_NANOS_MAX = Duration.ofMinutes(10).toNanos();

    private static final long ERROR_PAUSE_MILLIS = 10;

    private final int clients;
    private final Duration warmup;
    private final Duration measured;
    private final LongSupplier clockNanos;

    /**
     * @param clientCount client threads, each one commit at a time
     * @param warmup time before the measurement, not timed
     * @param measured time measured
     * @param clockNanos a monotonic clock (System::nanoTime; tests pass their own)
     */
    public CommitLoad(int clientCount, Duration warmup, Duration measured, LongSupplier clockNanos) {
        if (clientCount < 1 || measured.isZero() || measured.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException(
                    "a load needs a client and a measured time, got " + clientCount + " clients, " + measured);
        }
        this.clients = clientCount;
        this.warmup = warmup;
        this.measured = measured;
        this.clockNanos = clockNanos;
    }

    /** The result of one run: the figures and the commits counted, warm-up included, for the system's check. */
    public record Result(CommitFigures figures, long commitsTotal) {}

    /**
     * Opens every client, runs the load on {@code session} and closes them.
     *
     * @throws IllegalStateException when a client cannot connect
     */
    public Result run(ModeSession session) throws InterruptedException {
        List<CommitClient> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(session.open(i));
            }
        } catch (Exception e) {
            opened.forEach(CommitClient::close);
            throw new IllegalStateException("cannot connect client " + opened.size() + ": " + e.getMessage(), e);
        }
        try {
            return drive(opened);
        } finally {
            opened.forEach(CommitClient::close);
        }
    }

    private Result drive(List<CommitClient> opened) throws InterruptedException {
        long start = clockNanos.getAsLong();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        Histogram all = new Histogram(LATENCY_NANOS_MAX, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong total = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        List<Histogram> perClient = new ArrayList<>();
        for (CommitClient client : opened) {
            Histogram histogram = new Histogram(LATENCY_NANOS_MAX, 3);
            perClient.add(histogram);
            threads.add(Thread.ofPlatform()
                    .name("commit-load-" + threads.size())
                    .start(() -> loop(client, measureFrom, end, histogram, errors, total, firstError)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        perClient.forEach(all::add);
        List<String> problems = firstError.get() == null ? List.of() : List.of("first error: " + firstError.get());
        CommitFigures figures = new CommitFigures(
                all.getTotalCount(),
                measured.toNanos() / 1e9,
                all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6,
                errors.get(),
                problems);
        return new Result(figures, total.get());
    }

    /** A broken connection fails at once; without a pause its thread would spin on errors and starve the others. */
    private static void pauseAfterError() {
        try {
            Thread.sleep(ERROR_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client: commit, time it if it started in the measured window, until the end. */
    private void loop(
            CommitClient client,
            long measureFrom,
            long end,
            Histogram histogram,
            AtomicLong errors,
            AtomicLong total,
            AtomicReference<String> firstError) {
        while (true) {
            long before = clockNanos.getAsLong();
            if (before >= end) {
                return;
            }
            try {
                client.commit();
                total.incrementAndGet();
                if (before >= measureFrom) {
                    histogram.recordValue(Math.min(LATENCY_NANOS_MAX, clockNanos.getAsLong() - before));
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                pauseAfterError();
            }
        }
    }
}
