package sdlab.cache.server;

/**
 * Input that is not RESP. The connection answers {@code -ERR Protocol error: <message>} and is
 * closed, as Redis does: after a framing error nothing that follows can be trusted.
 */
sealed class RespProtocolException extends Exception permits QueryBufferLimitException {
    private static final long serialVersionUID = 1L;

    RespProtocolException(String message) {
        super(message, null, false, false);
    }
}
