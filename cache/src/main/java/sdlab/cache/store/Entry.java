package sdlab.cache.store;

/**
 * One key of the keyspace with its value, its expiry and the bookkeeping that expiry,
 * eviction and snapshots need. Commands read it through the public accessors and change it
 * only through the {@link Keyspace}, which keeps memory accounting, the expiry index and the
 * eviction policy in step.
 *
 * <p>The links are intrusive (stored here rather than in wrapper nodes) to keep the per-key
 * overhead small: the hash-table chain, the slots in the three sampling arrays, and the
 * doubly linked list that exact LRU keeps.
 */
public final class Entry {
    /** {@link #expireAtMillis()} of a key that never expires. */
    public static final long NO_EXPIRY = -1;

    final Key key;
    /** The database holding the key; changes with MOVE. */
    Database db;

    Value value;
    long expireAtMillis = NO_EXPIRY;
    long sizeBytes;

    /** The last access, for LRU: Redis keeps a 24-bit clock in seconds, we keep milliseconds. */
    long accessMillis;

    /** Redis's 8-bit logarithmic access counter and the minute it was last decremented. */
    int lfuCounter;

    long lfuDecayMinutes;

    Entry tableNext;
    int allSlot = -1;
    int volatileSlot = -1;
    int databaseSlot = -1;
    Entry lruPrev;
    Entry lruNext;

    /** The snapshot epoch this entry has been written to (see {@link Snapshot}). */
    int snapshotEpoch;

    /** False once removed from the keyspace, so that stale references (eviction pool) are skipped. */
    boolean live;

    Entry(Database db, Key key, Value value) {
        this.db = db;
        this.key = key;
        this.value = value;
    }

    public Key key() {
        return key;
    }

    /** The number of the database the key is in now (SELECT's index). */
    public int databaseIndex() {
        return db.index();
    }

    public Value value() {
        return value;
    }

    /** When the key expires, in epoch milliseconds, or {@link #NO_EXPIRY}. */
    public long expireAtMillis() {
        return expireAtMillis;
    }

    public boolean hasExpiry() {
        return expireAtMillis != NO_EXPIRY;
    }

    /** The bytes this key counts towards {@code used_memory}. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** When the key was last read or written, in epoch milliseconds. */
    public long accessMillis() {
        return accessMillis;
    }

    /** The LFU counter as last stored (not decayed to now). */
    public int lfuCounter() {
        return lfuCounter;
    }

    boolean isExpiredAt(long nowMillis) {
        return expireAtMillis != NO_EXPIRY && nowMillis >= expireAtMillis;
    }
}
