package sdlab.cache.server;

/**
 * Counts RESP clients against {@code maxclients}. Used only on the server's event-loop thread,
 * so plain fields suffice; other threads read the counters for INFO through volatile copies.
 */
final class ClientRegistry {
    private volatile int clientsMax;
    private volatile int connected;
    private volatile long received;
    private volatile long rejected;

    ClientRegistry(int clientsMax) {
        this.clientsMax = clientsMax;
    }

    /** Admits a new client, or counts a rejection when {@code maxclients} are connected. */
    boolean admit() {
        if (connected >= clientsMax) {
            rejected++;
            return false;
        }
        connected++;
        received++;
        return true;
    }

    void leave() {
        connected--;
    }

    int connected() {
        return connected;
    }

    long received() {
        return received;
    }

    long rejected() {
        return rejected;
    }

    int clientsMax() {
        return clientsMax;
    }

    void clientsMax(int value) {
        this.clientsMax = value;
    }
}
