package sdlab.coord.node;

/** The node could not start: its address is in use or not this machine's. The message says which. */
public final class CoordStartupException extends RuntimeException {
    CoordStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
