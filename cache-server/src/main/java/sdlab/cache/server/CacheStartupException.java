package sdlab.cache.server;

/** The node cannot start: a file it must load is damaged, or a port is taken. The message says what to do. */
public final class CacheStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CacheStartupException(String message) {
        super(message);
    }

    public CacheStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
