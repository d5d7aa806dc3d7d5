package sdlab.check.linear;

import java.util.function.LongSupplier;

/**
 * When the linearizability search gives up and answers {@link sdlab.check.Verdict#UNKNOWN}.
 * Checking linearizability is NP-complete (Gibbons and Korach 1997), so some histories take too
 * long; a limit turns that into an honest "unknown", never a guess.
 *
 * @param stepsMax search steps over all partitions (one step tries one operation)
 * @param memoryBytesMax bytes the search may hold at once (its memo of (linearized set, state)
 *     configurations and the configurations carried between segments): the memory bound
 * @param clockNanos the clock the deadline is read from, or null for no deadline (checker code
 *     reads no wall clock of its own: the caller injects one)
 * @param deadlineNanos the clock reading after which the search gives up
 */
public record CheckLimits(long stepsMax, long memoryBytesMax, LongSupplier clockNanos, long deadlineNanos) {
    /**
     * The default memory bound. A fixed number, not a share of the heap, so that a verdict does
     * not depend on the JVM it runs in; the command line derives its own from the heap.
     */
    public static final long MEMORY_BYTES_MAX_DEFAULT = 512L * 1024 * 1024;

    public CheckLimits {
        assert stepsMax > 0 && memoryBytesMax > 0;
    }

    /** No step or time limit; the default memory bound. */
    public static CheckLimits unlimited() {
        return new CheckLimits(Long.MAX_VALUE, MEMORY_BYTES_MAX_DEFAULT, null, Long.MAX_VALUE);
    }

    /** At most {@code stepsMax} steps; the default memory bound. */
    public static CheckLimits steps(long stepsMax) {
        return new CheckLimits(stepsMax, MEMORY_BYTES_MAX_DEFAULT, null, Long.MAX_VALUE);
    }

    /** These limits with a deadline {@code timeoutNanos} from now on {@code clockNanos}. */
    public CheckLimits withTimeout(LongSupplier clock, long timeoutNanos) {
        return new CheckLimits(stepsMax, memoryBytesMax, clock, clock.getAsLong() + timeoutNanos);
    }

    /** These limits with another memory bound, in bytes. */
    public CheckLimits withMemoryBytesMax(long bytesMax) {
        return new CheckLimits(stepsMax, bytesMax, clockNanos, deadlineNanos);
    }
}
