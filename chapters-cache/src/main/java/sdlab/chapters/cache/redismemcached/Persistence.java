package sdlab.chapters.cache.redismemcached;

import sdlab.core.Timer;

/**
 * What a node does so that its data outlives the process, for one incarnation of the node: the
 * running half of a {@link PersistencePolicy}. A crash throws it away with the node; the next
 * incarnation opens a new one, which {@link #start starts} by loading what the disk kept.
 */
interface Persistence {

    /** Loads what the disk kept into the store, then arms the policy's timers. */
    Recovery start();

    /** Every change the store makes, as a command that replays it (the engine's write log). */
    void log(byte[][] argv);

    /** Sends a write's acknowledgement now, or once the write is as durable as the policy promises. */
    void acknowledge(Runnable send);

    /** One of the policy's own timers fired. */
    void onTimer(PersistenceTimer timer);

    /** A sync this policy asked for completed. */
    void onSynced(long syncId);

    /** The timers persistence policies set. */
    sealed interface PersistenceTimer extends Timer {}

    /** appendfsync everysec: time for the once-a-second fsync. */
    record FsyncTick() implements PersistenceTimer {}

    /** appendfsync no: the operating system writes its dirty pages back. */
    record WritebackTick() implements PersistenceTimer {}

    /** Time to check whether a snapshot is due. */
    record SnapshotTick() implements PersistenceTimer {}

    /** Keeps nothing: memcached, and Redis with persistence off. */
    Persistence NONE = new Persistence() {
        @Override
        public Recovery start() {
            return Recovery.NOTHING;
        }

        @Override
        public void log(byte[][] argv) {}

        @Override
        public void acknowledge(Runnable send) {
            send.run();
        }

        @Override
        public void onTimer(PersistenceTimer timer) {
            throw new IllegalStateException("no persistence, yet its timer fired: " + timer);
        }

        @Override
        public void onSynced(long syncId) {}
    };
}
