package sdlab.cache.store;

/**
 * Told about changes to keys. Keys that disappear without a command naming them (expired,
 * evicted) arrive separately, so that the engine can write a DEL to the append-only file, as
 * Redis propagates them; every change, by a command or not, also counts as a touch of the key
 * for WATCH (Redis's {@code signalModifiedKey}).
 */
public interface KeyspaceListener {
    KeyspaceListener NONE = new KeyspaceListener() {
        @Override
        public void keyExpired(Key key) {}

        @Override
        public void keyEvicted(Key key) {}
    };

    /** {@code key} passed its TTL and was removed (already gone from the keyspace). */
    void keyExpired(Key key);

    /** {@code key} was removed to make room under maxmemory (already gone from the keyspace). */
    void keyEvicted(Key key);

    /** A command created, changed, deleted or set the expiry of {@code key} (after the change). */
    default void keyChanged(Key key) {}

    /**
     * A command created {@code key}, which did not exist (Redis's {@code dbAdd}); called after
     * {@link #keyChanged}. Clients blocked on the key may now be served.
     */
    default void keyAdded(Key key) {}

    /** Every key is about to be removed (FLUSHALL, FLUSHDB); the keyspace still holds them. */
    default void beforeFlush() {}
}
