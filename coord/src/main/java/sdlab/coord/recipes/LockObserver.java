package sdlab.coord.recipes;

import sdlab.core.NodeId;

/**
 * What lock clients report, for an experiment's measurement; nothing it records reaches a node.
 * A client calls it from inside its handlers, at the virtual time of the event.
 */
public interface LockObserver {
    /** {@code client} learnt that it holds the lock with fencing token {@code token}. */
    void acquired(NodeId client, long token);

    /** {@code client} stopped acting as the holder: it released, or it learnt the lock was lost. */
    void holdEnded(NodeId client, String why);

    /** A watch event reached {@code client}. */
    void notified(NodeId client);

    /** Observes nothing. */
    LockObserver NONE = new LockObserver() {
        @Override
        public void acquired(NodeId client, long token) {}

        @Override
        public void holdEnded(NodeId client, String why) {}

        @Override
        public void notified(NodeId client) {}
    };
}
