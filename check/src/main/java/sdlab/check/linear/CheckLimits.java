package sdlab.check.linear;

import java.util.function.LongSupplier;

/**
 * When the linearizability search gives up and answers {@link sdlab.check.Verdict#UNKNOWN}.
 * Checking linearizability is NP-complete (Gibbons and Korach 1997), so some histories take too
 * long; a limit turns that into an honest "unknown", never a guess.
 *
 * @param stepsMax search steps over all partitions (one step tries one operation)
 * @param visitedStatesMax memoised (linearized set, state) pairs per partition: the memory bound
 * @param clockNanos the clock the deadline is read from, or null for no deadline (checker code
 *     reads no wall clock of its own: the caller injects one)
 * @param deadlineNanos the clock reading after which the search gives up
 */
public record CheckLimits(long stepsMax, long visitedStatesMax, LongSupplier clockNanos, long deadlineNanos) {
    /** The default memory bound: a few hundred megabytes at most for typical histories. */
    public static final long VISITED_STATES_MAX_DEFAULT = 4_000_000;

    public CheckLimits {
        assert stepsMax > 0 && visitedStatesMax > 0;
    }

    /** No step or time limit; the default memory bound. */
    public static CheckLimits unlimited() {
        return new CheckLimits(Long.MAX_VALUE, VISITED_STATES_MAX_DEFAULT, null, Long.MAX_VALUE);
    }

    /** At most {@code stepsMax} steps; the default memory bound. */
    public static CheckLimits steps(long stepsMax) {
        return new CheckLimits(stepsMax, VISITED_STATES_MAX_DEFAULT, null, Long.MAX_VALUE);
    }

    /** These limits with a deadline {@code timeoutNanos} from now on {@code clockNanos}. */
    public CheckLimits withTimeout(LongSupplier clock, long timeoutNanos) {
        return new CheckLimits(stepsMax, visitedStatesMax, clock, clock.getAsLong() + timeoutNanos);
    }

    /** These limits with another memory bound. */
    public CheckLimits withVisitedStatesMax(long statesMax) {
        return new CheckLimits(stepsMax, statesMax, clockNanos, deadlineNanos);
    }
}
