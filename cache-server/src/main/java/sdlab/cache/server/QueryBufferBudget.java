package sdlab.cache.server;

/**
 * The node-wide bound on memory held by requests still arriving: the buffers of large bulk
 * arguments that clients have announced and not finished sending. Each connection's bound
 * ({@code client-query-buffer-limit}) stops one client; this one stops a dozen, each streaming
 * an unfinished half-gigabyte bulk, from taking the node's heap together. A client whose
 * argument would take the total past the bound is disconnected, as Redis disconnects a client
 * over its own limit.
 *
 * <p>Confined to the RESP event loop, like every connection it serves.
 */
final class QueryBufferBudget {
    private final long bytesMax;
    private long reservedBytes;
    private long refusals;

    QueryBufferBudget(long bytesMax) {
        this.bytesMax = bytesMax;
    }

    /** Takes {@code bytes} from the budget; false (taking nothing) if that would exceed it. */
    boolean tryReserve(long bytes) {
        assert bytes >= 0 : bytes;
        if (reservedBytes + bytes > bytesMax) {
            refusals++;
            return false;
        }
        reservedBytes += bytes;
        return true;
    }

    /** Gives back {@code bytes} reserved earlier. */
    void release(long bytes) {
        reservedBytes -= bytes;
        assert reservedBytes >= 0 : "released more than reserved";
    }

    /** Bytes held by arguments in progress now (INFO's {@code mem_clients_normal}). */
    long reservedBytes() {
        return reservedBytes;
    }

    long bytesMax() {
        return bytesMax;
    }

    /** Clients disconnected because their argument did not fit the budget. */
    long refusals() {
        return refusals;
    }
}
