package sdlab.sim;

import java.util.SplittableRandom;

/**
 * Operations arrive as a Poisson process at the configured rate, whatever the system does.
 * An arrival goes to the next free process in round-robin order; if every process is busy it
 * waits in the shortest backlog, and if that backlog is full it is shed (and counted).
 */
final class OpenLoopDriver extends WorkloadDriver {

    private final Latency gap;
    private final long endNanos;
    private final long startNanos;
    private final int backlogMax;
    private final SplittableRandom arrivals;
    private final boolean[] busy;
    private final int[] backlog;
    private int cursor;
    private int busyCount;
    private boolean arrivalsOver;

    OpenLoopDriver(Engine engine, Workload workload, Workload.OpenLoop pace) {
        super(engine, workload);
        this.gap = new Latency.Exponential(Math.max(1, Math.round(1e9 / pace.ratePerSecond())));
        this.startNanos = workload.startNanos();
        this.endNanos = startNanos + pace.lengthNanos();
        this.backlogMax = workload.backlogMax();
        this.arrivals = Seeds.derive(engine.seed(), "workload-arrivals");
        this.busy = new boolean[processes.length];
        this.backlog = new int[processes.length];
    }

    @Override
    void start() {
        scheduleArrivalAfter(startNanos);
    }

    private void scheduleArrivalAfter(long fromNanos) {
        long atNanos = fromNanos + gap.sampleNanos(arrivals);
        if (atNanos < endNanos) {
            engine.schedule(atNanos, e -> arrive());
        } else {
            arrivalsOver = true;
        }
    }

    private void arrive() {
        int free = nextFreeProcess();
        if (free >= 0) {
            busy[free] = true;
            busyCount++;
            cursor = (free + 1) % processes.length;
            invokeNext(free);
        } else {
            queueOrShed();
        }
        scheduleArrivalAfter(engine.now());
    }

    private int nextFreeProcess() {
        for (int k = 0; k < processes.length; k++) {
            int process = (cursor + k) % processes.length;
            if (!busy[process]) {
                return process;
            }
        }
        return -1;
    }

    private void queueOrShed() {
        int shortest = cursor;
        for (int k = 1; k < processes.length; k++) {
            int process = (cursor + k) % processes.length;
            if (backlog[process] < backlog[shortest]) {
                shortest = process;
            }
        }
        if (backlog[shortest] < backlogMax) {
            backlog[shortest]++;
        } else {
            engine.counters().arrivalsShed++;
        }
    }

    @Override
    void completed(int process) {
        if (backlog[process] > 0) {
            backlog[process]--;
            engine.schedule(engine.now(), e -> invokeNext(process));
        } else {
            busy[process] = false;
            busyCount--;
        }
    }

    @Override
    boolean done() {
        return arrivalsOver && busyCount == 0;
    }
}
