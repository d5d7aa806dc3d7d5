package sdlab.consensus.raft;

/**
 * A state machine of the node's own that Raft replicates beside its key-value one: Raft orders
 * and commits its commands ({@link Command.Apply}, opaque bytes) and hands each to it once, in
 * log order, on every server; its state travels in Raft's snapshots. The coordination service's
 * znode tree is one. It is called only from the node's handlers, so, like them, it must be
 * deterministic: the same commands in the same order leave every server in the same state.
 */
public interface Application {

    /** Applies the committed command at log index {@code index}; indexes only grow. */
    void apply(long index, byte[] payload);

    /** Its state now, as bytes that {@link #restore} takes back. */
    byte[] snapshot();

    /**
     * Replaces its state with a snapshot's (at start, from the disk, or from the leader's
     * InstallSnapshot); the log index the snapshot covers is {@code lastIndex}.
     */
    void restore(long lastIndex, byte[] snapshot);

    /** No application: the node replicates its key-value machine only. */
    Application NONE = new Application() {
        @Override
        public void apply(long index, byte[] payload) {}

        @Override
        public byte[] snapshot() {
            return new byte[0];
        }

        @Override
        public void restore(long lastIndex, byte[] snapshot) {}
    };
}
