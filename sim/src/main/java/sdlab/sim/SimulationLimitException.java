package sdlab.sim;

/**
 * A run exceeded a safety bound (its event limit or the event queue's size), which usually
 * means a livelock or a timer storm in the code under test.
 */
public final class SimulationLimitException extends SimulationException {

    private static final long serialVersionUID = 1L;

    public SimulationLimitException(long seed, long virtualTimeNanos, String what) {
        super(seed, virtualTimeNanos, "the run stopped because " + what, null);
    }
}
