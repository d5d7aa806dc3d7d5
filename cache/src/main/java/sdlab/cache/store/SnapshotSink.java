package sdlab.cache.store;

/**
 * Receives the keys of a {@link Snapshot}. It must serialise what it is given before
 * returning: the value object may change right after the call.
 */
@FunctionalInterface
public interface SnapshotSink {

    /**
     * One key as it was when the snapshot began, with the number its database had then;
     * {@code expireAtMillis} may be {@link Entry#NO_EXPIRY}.
     */
    void write(int db, Key key, Value value, long expireAtMillis);
}
