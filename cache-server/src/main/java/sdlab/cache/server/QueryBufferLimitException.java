package sdlab.cache.server;

/**
 * A client's request in progress would hold more memory than its own limit or the node's
 * budget allows: the connection is closed without a reply, as Redis closes a client over its
 * {@code client-query-buffer-limit}.
 */
final class QueryBufferLimitException extends RespProtocolException {
    private static final long serialVersionUID = 1L;

    QueryBufferLimitException(String message) {
        super(message);
    }
}
