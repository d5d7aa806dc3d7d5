package sdlab.sim;

/** Each process: invoke, wait for the completion, think, invoke again, {@code opsPerProcess} times. */
final class ClosedLoopDriver extends WorkloadDriver {

    private final Workload.ClosedLoop pace;
    private final long startNanos;
    private final int[] remaining;
    private int processesFinished;

    ClosedLoopDriver(Engine engine, Workload workload, Workload.ClosedLoop pace) {
        super(engine, workload);
        this.pace = pace;
        this.startNanos = workload.startNanos();
        this.remaining = new int[processes.length];
    }

    @Override
    void start() {
        for (int process = 0; process < processes.length; process++) {
            remaining[process] = pace.opsPerProcess();
            if (remaining[process] == 0) {
                processesFinished++;
            } else {
                int p = process;
                engine.schedule(startNanos, e -> invokeNext(p));
            }
        }
    }

    @Override
    void completed(int process) {
        if (--remaining[process] > 0) {
            long thinkNanos = pace.thinkTime().sampleNanos(random(process));
            engine.schedule(engine.now() + thinkNanos, e -> invokeNext(process));
        } else {
            processesFinished++;
        }
    }

    @Override
    boolean done() {
        return processesFinished == processes.length;
    }
}
