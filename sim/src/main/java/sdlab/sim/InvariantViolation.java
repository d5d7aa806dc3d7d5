package sdlab.sim;

/**
 * A safety invariant registered with {@link Simulation.Builder#invariant} did not hold after an
 * event. The message names the invariant, the event and the seed that replays the run.
 */
public final class InvariantViolation extends SimulationException {

    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final long eventNumber;

    InvariantViolation(long seed, long virtualTimeNanos, String invariant, long eventNumber, Throwable cause) {
        super(
                seed,
                virtualTimeNanos,
                "invariant '" + invariant + "' broke after event " + eventNumber + ": " + cause.getMessage(),
                cause);
        this.invariant = invariant;
        this.eventNumber = eventNumber;
    }

    /** The name the invariant was registered with. */
    public String invariant() {
        return invariant;
    }

    /** The number of the event after which it failed (events count from 1). */
    public long eventNumber() {
        return eventNumber;
    }
}
