package sdlab.bench.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import sdlab.sim.SimResult;

/**
 * Measures how fast the simulator runs a workload on one thread: it repeats fresh simulations
 * of the workload (seeds 1, 2, 3, ...) for a warm-up time, whose rounds are thrown away so the
 * JIT has compiled the hot paths, then for a measurement time, and sums what the measured
 * rounds did. A round is timed from building the simulation to the end of its run.
 *
 * <p>The clocks are injected, so a test can drive the loop with fake ones. The thread's CPU time
 * is read beside the wall time: on a shared machine it tells how much of the wall time the
 * simulation actually ran. Rounds are whole simulations, so the measured time ends at the first
 * round boundary after the budget; at least one round is always measured.
 */
public final class SimThroughput {
    private final SimWorkload workload;
    private final Clocks clocks;
    private long nextSeed = 1;

    /** Measures {@code workload}, reading {@code clocks} ({@link Clocks#system()} in real use). */
    public SimThroughput(SimWorkload workload, Clocks clocks) {
        this.workload = Objects.requireNonNull(workload, "workload");
        this.clocks = Objects.requireNonNull(clocks, "clocks");
    }

    /**
     * Runs rounds for {@code warmUp}, discards them, then runs rounds for {@code measure} and
     * returns their sums. {@code progress} hears one line when each phase starts.
     */
    public SimMeasurement measure(Duration warmUp, Duration measure, Consumer<String> progress) {
        requirePositiveOrZero(warmUp, "warmUp");
        requirePositiveOrZero(measure, "measure");
        if (!warmUp.isZero()) {
            progress.accept("warming up " + workload.name() + " for " + warmUp.toSeconds() + " s");
            roundsFor(warmUp);
        }
        progress.accept("measuring " + workload.name() + " for " + measure.toSeconds() + " s");
        return roundsFor(measure);
    }

    /** One simulation of the workload with the next seed, timed. */
    public SimMeasurement round() {
        long seed = nextSeed++;
        long cpuStart = clocks.threadCpuNanos().getAsLong();
        long wallStart = clocks.wallNanos().getAsLong();
        SimResult result = workload.simulation(seed).run(SimWorkload.virtualTimeMax());
        long wallNanos = clocks.wallNanos().getAsLong() - wallStart;
        long cpuEnd = clocks.threadCpuNanos().getAsLong();
        long cpuNanos = cpuStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuStart;
        return SimMeasurement.of(workload.name(), result, wallNanos, cpuNanos);
    }

    private SimMeasurement roundsFor(Duration budget) {
        long budgetNanos = budget.toNanos();
        SimMeasurement sum = SimMeasurement.none(workload.name());
        do {
            sum = sum.plus(round());
        } while (sum.wallNanos() < budgetNanos);
        return sum;
    }

    private static void requirePositiveOrZero(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a non-negative duration, got " + duration);
        }
    }
}
