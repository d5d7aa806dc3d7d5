package sdlab.web;

/** The port the web lab was asked to listen on is taken: a user's choice to change, not a bug. */
public final class PortInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int port;

    PortInUseException(int port, Throwable cause) {
        super(
                "port " + port + " on 127.0.0.1 is in use; choose another with --port, or --port 0 for any free port",
                cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
