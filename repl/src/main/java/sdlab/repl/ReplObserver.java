package sdlab.repl;

import sdlab.core.NodeId;

/**
 * What the store reports as it runs, for experiments and tests to measure with; it changes nothing. Times are
 * the reporting node's clock.
 */
public interface ReplObserver {
    /** Reports nothing. */
    ReplObserver NONE = new ReplObserver() {};

    /** How a commit was acknowledged to its client. */
    enum CommitAck {
        /** Asynchronous mode: after the primary's own sync. */
        LOCAL,
        /** After the required replicas acknowledged it. */
        REPLICAS,
        /** Semi-sync had fallen back to asynchronous: after the primary's own sync, no replica waited for. */
        FALLBACK
    }

    /** The primary acknowledged {@code entry} to its client. */
    default void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {}

    /** Semi-sync switched off (timeout, {@code on == false}) or back on (a replica caught up). */
    default void semiSyncSwitched(NodeId primary, boolean on, long atNanos) {}

    /** The primary timed a round trip to a replica (a shipment and the progress that echoed it). */
    default void roundTrip(NodeId primary, NodeId replica, long nanos) {}

    /**
     * The primary shipped its log's entries {@code firstPosition} to {@code lastPosition}, {@code bytes} bytes, to
     * {@code replica}: what a replica that restarts or joins costs the primary and the link.
     */
    default void shipped(
            NodeId primary, NodeId replica, long firstPosition, long lastPosition, long bytes, long atNanos) {}

    /** A replica's relay-log sync took {@code nanos}. */
    default void relaySynced(NodeId replica, long nanos) {}

    /**
     * A node that had been primary started to follow {@code primary} and discarded {@code entries} entries that
     * {@code primary}'s history does not hold.
     */
    default void discarded(NodeId node, NodeId primary, long entries, long atNanos) {}

    /** A primary stepped down ({@code reason}: told by the manager, or fenced by a newer token). */
    default void steppedDown(NodeId node, String reason, long atNanos) {}

    /** A replica became the primary, holding the log up to {@code lastPosition}. */
    default void promoted(NodeId primary, long lastPosition, long atNanos) {}

    /** A read looked its page up in the node's cache: a hit, or a miss that reads the disk. */
    default void pageLookedUp(NodeId node, boolean hit, long atNanos) {}

    /** A replica's applier applied {@code entry}; {@code missed} if its page had to be read from disk first. */
    default void applied(NodeId replica, Entry entry, boolean missed, long atNanos) {}

    /** A joining node loaded the snapshot as of {@code position}, after {@code tookNanos} since it asked. */
    default void snapshotLoaded(NodeId replica, long position, long bytes, long tookNanos, long atNanos) {}

    /**
     * A cold standby finished its restore and takes over: it loaded the base backup as of {@code basePosition} and
     * replayed the archived log up to {@code position}, {@code tookNanos} after it was told to take over.
     */
    default void restored(NodeId node, long basePosition, long position, long tookNanos, long atNanos) {}
}
