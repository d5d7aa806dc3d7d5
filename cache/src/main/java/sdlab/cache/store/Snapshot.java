package sdlab.cache.store;

import java.util.Map;

/**
 * A point-in-time copy of the keyspace, written out a few keys at a time while commands keep
 * running: how this engine does what Redis does with {@code fork()} for BGSAVE and
 * BGREWRITEAOF.
 *
 * <h2>How it stays point-in-time without stopping the world</h2>
 *
 * <ul>
 *   <li>At the start the snapshot takes an array of references to every entry (8 bytes per key;
 *       milliseconds for a million keys) and a new epoch number.
 *   <li>{@link #step} writes the next entries of that array whose epoch is older, and marks them.
 *   <li>Copy-on-write per key: before a command changes an entry in place (through
 *       {@link Keyspace#lookupWrite} or an overwrite), the keyspace asks the snapshot to write
 *       that entry's pre-image first, if it has not been written yet.
 *   <li>A deleted, expired, evicted or flushed entry is simply dropped from the keyspace: no
 *       command can reach it any more, so it is frozen, and the snapshot writes it as it was.
 *   <li>Entries created after the start carry the new epoch and are skipped.
 *   <li>Each key is written with the number its database had at the start, which SWAPDB and
 *       MOVE (a change, so the pre-image is written first) cannot alter.
 * </ul>
 *
 * <p>Like a fork, a running snapshot keeps removed entries alive until it is done. Entries
 * whose TTL has passed by the time they are written are skipped, as Redis skips expired keys.
 * Only one snapshot runs at a time.
 */
public final class Snapshot {
    private final Keyspace keyspace;
    private final SnapshotSink sink;
    private final int epoch;
    private final Entry[] entries;
    private final Map<Database, Integer> numbering;
    private int next;
    private long written;
    private boolean finished;

    Snapshot(Keyspace keyspace, SnapshotSink sink, int epoch, Entry[] entries, Map<Database, Integer> numbering) {
        this.keyspace = keyspace;
        this.numbering = numbering;
        this.sink = sink;
        this.epoch = epoch;
        this.entries = entries;
    }

    /**
     * Writes up to {@code entriesMax} more keys; returns true once every key has been written
     * (the snapshot is then finished and the keyspace free for the next one).
     */
    public boolean step(int entriesMax) {
        assert !finished : "step after the snapshot finished";
        long nowMillis = keyspace.nowMillis();
        int stepped = 0;
        while (next < entries.length && stepped < entriesMax) {
            Entry e = entries[next];
            entries[next] = null; // let the garbage collector have it once written
            next++;
            stepped++;
            if (e.snapshotEpoch != epoch) {
                e.snapshotEpoch = epoch;
                if (!e.isExpiredAt(nowMillis)) {
                    emit(e);
                }
            }
        }
        if (next == entries.length) {
            finish();
        }
        return finished;
    }

    /** Stops early; what was written so far is not a complete snapshot. */
    public void abort() {
        if (!finished) {
            finish();
        }
    }

    public boolean finished() {
        return finished;
    }

    /** Keys written so far. */
    public long written() {
        return written;
    }

    /** Keys that existed when the snapshot began. */
    public int total() {
        return entries.length;
    }

    /** Called by the keyspace before it changes {@code e} in place. */
    void beforeChange(Entry e) {
        if (e.snapshotEpoch != epoch) {
            e.snapshotEpoch = epoch;
            emit(e);
        }
    }

    int epoch() {
        return epoch;
    }

    private void emit(Entry e) {
        sink.write(numbering.get(e.db), e.key, e.value, e.expireAtMillis);
        written++;
    }

    private void finish() {
        finished = true;
        keyspace.snapshotFinished(this);
    }
}
