package sdlab.app.cluster.jepsen;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import sdlab.core.client.Outcome;
import sdlab.runtime.host.ClientHost;
import sdlab.sim.OperationGenerator;

/**
 * One client process of a Jepsen-style run: a closed loop that asks for the next operation,
 * records its invocation, waits for the mechanism's client to report how it ended, and records
 * that. As in Jepsen, a process whose operation ended unknown ({@code info}) may still have it
 * in flight, so it retires and the worker goes on under a fresh process number.
 */
final class ClientWorker implements Runnable {
    /** A safety net above the client's own timeout: a client that never reports is a bug, recorded as unknown. */
    private static final long OUTCOME_WAIT_SECONDS = 30;

    private final int index;
    private final int workers;
    private final ClientHost client;
    private final OperationGenerator generator;
    private final HistoryRecorder history;
    private final long deadlineNanos;
    private final long pauseNanos;
    /** Operations this worker may make in all; {@link #allowMore} raises it between two runs. */
    private long operationsMax;

    private long operations;
    private final SplittableRandom random;
    private int process;

    /**
     * @param pauseNanos the mean wait between operations (exponentially distributed), which sets
     *     this worker's share of the run's rate
     */
    ClientWorker(
            int index,
            int workers,
            ClientHost client,
            OperationGenerator generator,
            HistoryRecorder history,
            long deadlineNanos,
            long pauseNanos,
            long seed) {
        this(index, workers, client, generator, history, deadlineNanos, pauseNanos, Long.MAX_VALUE, seed);
    }

    /**
     * A worker that stops after {@code operationsMax} operations, or at the deadline if that comes
     * first: a workload of a fixed size, or the first phase of one (see {@link #allowMore}).
     */
    ClientWorker(
            int index,
            int workers,
            ClientHost client,
            OperationGenerator generator,
            HistoryRecorder history,
            long deadlineNanos,
            long pauseNanos,
            long operationsMax,
            long seed) {
        this.index = index;
        this.workers = workers;
        this.client = client;
        this.generator = generator;
        this.history = history;
        this.deadlineNanos = deadlineNanos;
        this.pauseNanos = pauseNanos;
        this.operationsMax = operationsMax;
        this.random = new SplittableRandom(seed);
        this.process = index;
    }

    /**
     * Lets a worker that has stopped at its limit make {@code count} more operations when it runs
     * again, under the process number and generator it had: a second phase of the same clients,
     * such as the ledger's audits after every transfer has ended. Call it between two runs.
     */
    void allowMore(long count) {
        operationsMax += count;
    }

    @Override
    public void run() {
        while (operations < operationsMax
                && System.nanoTime() < deadlineNanos
                && !Thread.currentThread().isInterrupted()) {
            OperationGenerator.Operation op;
            synchronized (generator) {
                op = generator.next(index, random);
            }
            history.invoke(process, op.f(), op.key(), op.value());
            Outcome outcome = await(op);
            switch (outcome) {
                case Outcome.Ok ok -> history.ok(process, op.f(), op.key(), ok.value());
                case Outcome.Fail fail -> history.fail(process, op.f(), op.key(), op.value(), fail.reason());
                case Outcome.Unknown unknown -> {
                    history.info(process, op.f(), op.key(), op.value(), unknown.reason());
                    process += workers;
                }
            }
            if (++operations < operationsMax) {
                pause();
            }
        }
    }

    private Outcome await(OperationGenerator.Operation op) {
        try {
            return client.invoke(process, op.f(), op.key(), op.value()).get(OUTCOME_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unknown("the run was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.unknown("the client did not report: " + e);
        }
    }

    private void pause() {
        if (pauseNanos <= 0) {
            return;
        }
        long nanos = (long) (-Math.log(1 - random.nextDouble()) * pauseNanos);
        try {
            TimeUnit.NANOSECONDS.sleep(Math.min(nanos, Math.max(0, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
