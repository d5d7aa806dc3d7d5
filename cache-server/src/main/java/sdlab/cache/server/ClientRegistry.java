package sdlab.cache.server;

/**
 * Counts RESP clients against {@code maxclients} and holds the limits every client is held to
 * now (CONFIG SET changes them). Changed only on the server's event-loop thread; other
 * threads read the counters for INFO through volatile fields.
 */
final class ClientRegistry {
    private volatile int clientsMax;
    private volatile OutputBufferLimits outputLimits;
    private volatile int connected;
    private volatile long received;
    private volatile long rejected;

    ClientRegistry(int clientsMax, OutputBufferLimits outputLimits) {
        this.clientsMax = clientsMax;
        this.outputLimits = outputLimits;
    }

    OutputBufferLimits outputLimits() {
        return outputLimits;
    }

    void outputLimits(OutputBufferLimits limits) {
        this.outputLimits = limits;
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
