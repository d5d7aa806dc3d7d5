package sdlab.txlog.server;

/** The broker could not start: its address is in use or not this machine's. The message says which. */
public final class LogStartupException extends RuntimeException {
    LogStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
