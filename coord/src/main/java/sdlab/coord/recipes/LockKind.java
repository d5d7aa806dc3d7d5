package sdlab.coord.recipes;

/** The lock recipes a {@link LockClient} can follow. */
public enum LockKind {
    /**
     * One ephemeral znode {@code /lock}: whoever creates it holds the lock; the others set an
     * exists-watch on it and try again when it is deleted, so every release wakes every waiter.
     */
    EPHEMERAL,
    /**
     * ZooKeeper's lock recipe (Curator's {@code InterProcessMutex}): an ephemeral-sequential child
     * of {@code /locks} per contender; the lowest holds, each other watches only its predecessor.
     */
    SEQUENTIAL,
    /**
     * A lease: a TTL znode {@code /lease} (no session behind it) that the holder renews by
     * setData while it holds, and believes is its own for the TTL after each renewal it sent, by
     * its own clock; the server removes it once it has not been modified for the TTL.
     */
    TTL_LEASE
}
