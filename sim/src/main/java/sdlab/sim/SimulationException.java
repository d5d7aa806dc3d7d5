package sdlab.sim;

/**
 * A run failed: a node, client or generator threw, or the run broke a safety bound. The
 * message names the seed and the virtual time, so that the run can be replayed.
 */
public class SimulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long seed;
    private final long virtualTimeNanos;

    public SimulationException(long seed, long virtualTimeNanos, String what, Throwable cause) {
        super(
                "seed " + seed + " at " + VirtualTime.format(virtualTimeNanos).strip() + ": " + what
                        + " (replay with the same seed)",
                cause);
        this.seed = seed;
        this.virtualTimeNanos = virtualTimeNanos;
    }

    /** The seed of the failed run. */
    public long seed() {
        return seed;
    }

    /** The virtual time at which it failed. */
    public long virtualTimeNanos() {
        return virtualTimeNanos;
    }
}
