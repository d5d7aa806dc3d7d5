package sdlab.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sdlab.lab.sweep.SweepProgress;

/**
 * One sweep in progress, as the server follows it: how many seeds are merged, whether a client asked to cancel, and
 * its end. The sweep tells it of each seed through {@link SweepProgress}; that call is also where a cancel takes
 * effect, by throwing {@link Cancelled}, which unwinds the sweep and stops its workers (the lab's sweep needs no hook
 * of its own for it). Threads that follow the run wait on it with {@link #awaitChange}.
 */
final class LiveRun implements SweepProgress {
    private final String id;
    private final RunRequest request;
    private final Instant startedAt;
    private volatile boolean cancelRequested;
    private Snapshot snapshot;

    /**
     * What a follower sees at one moment; {@code version} grows with every change.
     *
     * @param version a change counter, so that a follower waits only for something new
     * @param state where the run is
     * @param seedsDone seeds merged into the report so far
     * @param seedsTotal seeds the run will take
     * @param error for a failed run, what failed
     */
    record Snapshot(long version, RunState state, int seedsDone, int seedsTotal, Optional<String> error) {}

    /** Thrown from the progress callback to stop a cancelled sweep; nothing but {@link RunRegistry} sees it. */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    LiveRun(String id, RunRequest request, Instant startedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.request = Objects.requireNonNull(request, "request");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.snapshot = new Snapshot(0, RunState.RUNNING, 0, request.seeds(), Optional.empty());
    }

    String id() {
        return id;
    }

    RunRequest request() {
        return request;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Asks the sweep to stop at its next seed. */
    void cancel() {
        cancelRequested = true;
    }

    @Override
    public void advanced(int seedsDone, int seedsTotal) {
        if (cancelRequested) {
            throw new Cancelled();
        }
        update(RunState.RUNNING, seedsDone, Optional.empty());
    }

    /** The run ended in {@code state}; {@code error} says why for a failed one. */
    void finish(RunState state, Optional<String> error) {
        if (!state.finished()) {
            throw new IllegalArgumentException("a run finishes as done, cancelled or failed, not " + state);
        }
        update(state, snapshot().seedsDone(), error);
    }

    synchronized Snapshot snapshot() {
        return snapshot;
    }

    /**
     * The snapshot once its version is past {@code seenVersion}, or the current one after {@code timeoutMs}: a
     * follower waits for news without polling, and wakes up now and then to keep its connection alive.
     */
    synchronized Snapshot awaitChange(long seenVersion, long timeoutMs) throws InterruptedException {
        long deadlineNanos = System.nanoTime() + timeoutMs * 1_000_000L;
        while (snapshot.version() <= seenVersion) {
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                break;
            }
            wait(leftMs);
        }
        return snapshot;
    }

    private synchronized void update(RunState state, int seedsDone, Optional<String> error) {
        snapshot = new Snapshot(snapshot.version() + 1, state, seedsDone, snapshot.seedsTotal(), error);
        notifyAll();
    }
}
