package sdlab.bench.sim;

import sdlab.core.history.OpType;
import sdlab.sim.SimResult;

/**
 * What some rounds of one workload did and how long they took. Every rate is computed from
 * these sums, so the figures of one measurement always come from the same runs.
 *
 * @param workload the workload's name
 * @param rounds simulations run
 * @param wallNanos wall-clock time they took, building included
 * @param cpuNanos CPU time of the measuring thread over the same span, or -1 where unknown
 * @param messagesDelivered messages handed to nodes and clients
 * @param eventsProcessed events taken from the simulator's queue
 * @param virtualNanos virtual time the runs covered, summed over the runs
 * @param operations workload operations completed (ok, fail or unknown)
 */
public record SimMeasurement(
        String workload,
        long rounds,
        long wallNanos,
        long cpuNanos,
        long messagesDelivered,
        long eventsProcessed,
        long virtualNanos,
        long operations) {

    private static final double NANOS_PER_SECOND = 1e9;

    /** Nothing measured yet. */
    public static SimMeasurement none(String workload) {
        return new SimMeasurement(workload, 0, 0, 0, 0, 0, 0, 0);
    }

    /** One round: the result of one run and the wall and CPU time it took. */
    static SimMeasurement of(String workload, SimResult result, long wallNanos, long cpuNanos) {
        long completions = result.history().ops().stream()
                .filter(op -> op.type() != OpType.INVOKE)
                .count();
        return new SimMeasurement(
                workload,
                1,
                wallNanos,
                cpuNanos,
                result.stats().messagesDelivered(),
                result.stats().eventsProcessed(),
                result.virtualTimeNanosEnd(),
                completions);
    }

    /** The sums of this and {@code other}, which must be of the same workload. */
    public SimMeasurement plus(SimMeasurement other) {
        assert workload.equals(other.workload) : workload + " + " + other.workload;
        return new SimMeasurement(
                workload,
                rounds + other.rounds,
                wallNanos + other.wallNanos,
                cpuNanos < 0 || other.cpuNanos < 0 ? -1 : cpuNanos + other.cpuNanos,
                messagesDelivered + other.messagesDelivered,
                eventsProcessed + other.eventsProcessed,
                virtualNanos + other.virtualNanos,
                operations + other.operations);
    }

    /** Simulated message deliveries per second of wall time. */
    public double deliveriesPerSecond() {
        return perWallSecond(messagesDelivered);
    }

    /**
     * Simulated message deliveries per second of the thread's CPU time: what an otherwise idle
     * core would give. Zero where the CPU time is unknown.
     */
    public double deliveriesPerCpuSecond() {
        return cpuNanos <= 0 ? 0 : messagesDelivered * NANOS_PER_SECOND / cpuNanos;
    }

    /** The share of the wall time the measuring thread was running; 1 on an idle machine. */
    public double cpuShare() {
        return cpuNanos < 0 || wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos;
    }

    /** Simulator events per second of wall time. */
    public double eventsPerSecond() {
        return perWallSecond(eventsProcessed);
    }

    /** Workload operations completed per second of wall time. */
    public double operationsPerSecond() {
        return perWallSecond(operations);
    }

    /** How many times faster than real time the runs went: virtual time over wall time. */
    public double virtualToWallRatio() {
        return wallNanos == 0 ? 0 : (double) virtualNanos / wallNanos;
    }

    /** Messages delivered per operation: what one operation of the workload costs the simulator. */
    public double deliveriesPerOperation() {
        return operations == 0 ? 0 : (double) messagesDelivered / operations;
    }

    public double wallSeconds() {
        return wallNanos / NANOS_PER_SECOND;
    }

    public double virtualSeconds() {
        return virtualNanos / NANOS_PER_SECOND;
    }

    private double perWallSecond(long count) {
        return wallNanos == 0 ? 0 : count * NANOS_PER_SECOND / wallNanos;
    }
}
