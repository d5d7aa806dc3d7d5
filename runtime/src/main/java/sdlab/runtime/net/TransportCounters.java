package sdlab.runtime.net;

/** What one process's transport did, for status pages and tests. Read and written on the loop. */
public final class TransportCounters {
    long sent;
    long received;
    long accepted;
    long unroutable;
    long backlogDropped;
    long faultDropped;

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    /** Connections accepted with a valid hello. */
    public long accepted() {
        return accepted;
    }

    /** Frames to a destination with no link and no connection from it (a client that left). */
    public long unroutable() {
        return unroutable;
    }

    /** Frames dropped because a connection's peer was not reading, or a link waited too long. */
    public long backlogDropped() {
        return backlogDropped;
    }

    /** Frames dropped by {@link NetworkFaults}. */
    public long faultDropped() {
        return faultDropped;
    }
}
