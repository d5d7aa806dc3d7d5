package sdlab.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * What the clients of a run do: a generator of operations, the client processes that perform
 * them and the pace, closed or open loop. Process {@code i} is the client at position {@code
 * i} of the list; each process runs one operation at a time, as Jepsen's processes do.
 *
 * <p>A closed loop waits for each operation before the next (plus a think time): its load
 * drops when the system slows down. An open loop lets operations arrive at a fixed rate
 * whatever happens (a Poisson process), so a slow system builds queues; that is the pattern
 * that shows real queueing delay. Arrivals that find every process busy wait in a bounded
 * per-process backlog; when that is full they are shed and counted in {@link
 * SimStats#arrivalsShed()}.
 *
 * <p>History: the simulation records an {@code invoke} when it hands an operation to a
 * client and {@code ok}/{@code fail}/{@code info} when the client completes it; an {@code ok}
 * carries the value the client returned, so a client should return the written value for a
 * write.
 */
public final class Workload {

    /** How many arrivals may wait per process in an open loop, unless changed. */
    public static final int BACKLOG_MAX_DEFAULT = 1024;

    private final List<NodeId> clients;
    private final OperationGenerator generator;
    private final Pace pace;
    private final long startNanos;
    private final int backlogMax;

    /** The closed or open loop. */
    sealed interface Pace {}

    /** Each process runs {@code opsPerProcess} operations, one after the other. */
    record ClosedLoop(int opsPerProcess, Latency thinkTime) implements Pace {}

    /** Operations arrive at {@code ratePerSecond} for {@code lengthNanos}. */
    record OpenLoop(double ratePerSecond, long lengthNanos) implements Pace {}

    private Workload(List<NodeId> clients, OperationGenerator generator, Pace pace, long startNanos, int backlogMax) {
        this.clients = List.copyOf(clients);
        this.generator = Objects.requireNonNull(generator, "generator");
        this.pace = pace;
        this.startNanos = startNanos;
        this.backlogMax = backlogMax;
        if (this.clients.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one client");
        }
        if (this.clients.stream().distinct().count() != this.clients.size()) {
            throw new IllegalArgumentException("each client may appear only once in a workload: " + clients);
        }
    }

    /**
     * Closed loop: each client (one process per client, process index = list position) runs
     * one operation at a time, {@code thinkTime} between its operations, {@code opsPerProcess}
     * operations in all.
     */
    public static Workload closedLoop(
            List<NodeId> clients, OperationGenerator gen, int opsPerProcess, Latency thinkTime) {
        if (opsPerProcess < 0) {
            throw new IllegalArgumentException("opsPerProcess must not be negative, got " + opsPerProcess);
        }
        Objects.requireNonNull(thinkTime, "thinkTime");
        return new Workload(clients, gen, new ClosedLoop(opsPerProcess, thinkTime), 0, BACKLOG_MAX_DEFAULT);
    }

    /**
     * Open loop: operations arrive at {@code ratePerSecond} (Poisson) spread over free
     * processes, for {@code length} of virtual time; a busy process's arrival waits (bounded
     * queue of {@link #BACKLOG_MAX_DEFAULT} per process).
     */
    public static Workload openLoop(
            List<NodeId> clients, OperationGenerator gen, double ratePerSecond, Duration length) {
        if (!(ratePerSecond > 0 && ratePerSecond <= 1e9)) {
            throw new IllegalArgumentException("ratePerSecond must be in (0, 1e9], got " + ratePerSecond);
        }
        if (length == null || length.isNegative()) {
            throw new IllegalArgumentException("length must be a non-negative duration, got " + length);
        }
        return new Workload(clients, gen, new OpenLoop(ratePerSecond, length.toNanos()), 0, BACKLOG_MAX_DEFAULT);
    }

    /** The same workload, starting {@code delay} after the run starts (e.g. once a leader is elected). */
    public Workload startingAfter(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be a non-negative duration, got " + delay);
        }
        return new Workload(clients, generator, pace, delay.toNanos(), backlogMax);
    }

    /** The same workload with at most {@code max} waiting arrivals per process (open loop only). */
    public Workload withBacklogMax(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("backlog max must not be negative, got " + max);
        }
        return new Workload(clients, generator, pace, startNanos, max);
    }

    /** The client processes, in process order. */
    public List<NodeId> clients() {
        return clients;
    }

    OperationGenerator generator() {
        return generator;
    }

    Pace pace() {
        return pace;
    }

    long startNanos() {
        return startNanos;
    }

    int backlogMax() {
        return backlogMax;
    }
}
