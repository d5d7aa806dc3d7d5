package sdlab.sim;

/** A fork that cannot be made: its step is past the run's end, or its message is not in flight at that step. */
public final class ForkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ForkException(String message) {
        super(message);
    }
}
