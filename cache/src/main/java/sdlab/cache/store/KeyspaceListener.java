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
        public void keyExpired(int db, Key key) {}

        @Override
        public void keyEvicted(int db, Key key) {}
    };

    /** {@code key} of database {@code db} passed its TTL and was removed (already gone). */
    void keyExpired(int db, Key key);

    /** {@code key} of database {@code db} was removed to make room under maxmemory (already gone). */
    void keyEvicted(int db, Key key);

    /** A command created, changed, deleted, moved or set the expiry of {@code key} in {@code db} (after the change). */
    default void keyChanged(int db, Key key) {}

    /**
     * A command created {@code key} in database {@code db}, where it did not exist (Redis's
     * {@code dbAdd}, MOVE included); called after {@link #keyChanged}. Clients blocked on the
     * key may now be served.
     */
    default void keyAdded(int db, Key key) {}

    /** Every key of database {@code db} is about to be removed (FLUSHALL, FLUSHDB); it still holds them. */
    default void beforeFlush(int db) {}
}
