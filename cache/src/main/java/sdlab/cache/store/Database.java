package sdlab.cache.store;

import java.util.function.Consumer;

/**
 * One of the keyspace's numbered databases (SELECT's index): its keys and the operations that
 * name a key. Memory, eviction, expiry, snapshots and statistics are shared by all databases
 * and live in the {@link Keyspace}, which every change here goes through.
 *
 * <p>SWAPDB exchanges two databases' numbers, not their keys, so it costs the same for any
 * size, as in Redis; a database's {@link #index} is therefore its number now, while entries
 * keep pointing to the same object.
 */
public final class Database {
    private final Keyspace keyspace;
    final KeyTable table = new KeyTable();
    final SampleArray keys = new SampleArray(SampleArray.Slot.DATABASE);
    /** Keys of this database with an expiry (Redis's per-database {@code expires} size). */
    int volatileCount;

    private int index;

    Database(Keyspace keyspace, int index) {
        this.keyspace = keyspace;
        this.index = index;
    }

    /** This database's number now. */
    public int index() {
        return index;
    }

    void renumber(int index) {
        this.index = index;
    }

    public Keyspace keyspace() {
        return keyspace;
    }

    // ---- lookups ----

    /** The live entry of {@code key} or null, counting a hit or a miss and recording the access. */
    public Entry lookupRead(Key key) {
        Entry e = findLive(key);
        keyspace.countLookup(e);
        if (e != null) {
            keyspace.touch(e);
        }
        return e;
    }

    /** Like {@link #lookupRead} but without recording an access (EXISTS, TYPE, TTL). */
    public Entry lookupReadNoTouch(Key key) {
        Entry e = findLive(key);
        keyspace.countLookup(e);
        return e;
    }

    /**
     * The live entry of {@code key} or null, for a command that may change it; records the
     * access but no hit or miss. A running snapshot first saves the entry's current state.
     */
    public Entry lookupWrite(Key key) {
        Entry e = findLive(key);
        if (e != null) {
            keyspace.touch(e);
            keyspace.beforeChange(e);
        }
        return e;
    }

    /**
     * The stored entry of {@code key} even if its TTL has passed, or null: no stats, no access,
     * no removal. WATCH uses it to tell a key that was already expired from one that changed.
     */
    public Entry peek(Key key) {
        return table.get(key);
    }

    /** Whether {@code key} is stored but its TTL has passed (Redis's {@code keyIsExpired}). */
    public boolean isExpired(Key key) {
        Entry e = table.get(key);
        return e != null && e.isExpiredAt(keyspace.nowMillis());
    }

    /** Whether {@code key} exists now, without stats or access (used by SCAN's filters). */
    public boolean contains(Key key) {
        return findLive(key) != null;
    }

    /**
     * A random live key (RANDOMKEY), or null if there is none. Expired keys drawn on the way
     * are removed, as Redis's {@code dbRandomKey} does; each draw returns or removes one key,
     * so the loop ends.
     */
    public Entry randomLive() {
        long nowMillis = keyspace.nowMillis();
        while (keys.size() > 0) {
            Entry e = keys.at(keyspace.random().nextInt(keys.size()));
            if (!e.isExpiredAt(nowMillis)) {
                return e;
            }
            keyspace.removeExpired(e);
        }
        return null;
    }

    // ---- changes ----

    /** Adds a key that does not exist (check with a lookup first). */
    public Entry add(Key key, Value value) {
        return keyspace.add(this, key, value);
    }

    /** Sets {@code key} to {@code value}, replacing any value and, unless kept, any expiry (SET). */
    public Entry put(Key key, Value value, boolean keepExpiry) {
        Entry e = lookupWrite(key);
        return e == null ? add(key, value) : replace(e, value, keepExpiry);
    }

    /** Replaces the value of {@code e} (found with {@link #lookupWrite}), dropping its expiry unless kept. */
    public Entry replace(Entry e, Value value, boolean keepExpiry) {
        return keyspace.replace(e, value, keepExpiry);
    }

    /** Tells the keyspace that {@code e}'s value was changed in place. */
    public void valueChanged(Entry e) {
        keyspace.valueChanged(e);
    }

    /** Deletes {@code e} on a command's behalf. */
    public void delete(Entry e) {
        keyspace.delete(e);
    }

    /** Makes {@code e} expire at {@code atMillis} (epoch milliseconds). */
    public void setExpiry(Entry e, long atMillis) {
        keyspace.setExpiry(e, atMillis);
    }

    /** Removes {@code e}'s expiry; returns false if it had none. */
    public boolean persist(Entry e) {
        return keyspace.persist(e);
    }

    /** Removes every key of this database (FLUSHDB); returns how many there were. */
    public int flush() {
        return keyspace.flush(this);
    }

    // ---- iteration and size ----

    public int size() {
        return table.size();
    }

    /** Keys with an expiry (Redis's {@code expires} count of this database). */
    public int volatileSize() {
        return volatileCount;
    }

    /**
     * SCAN: visits buckets from {@code cursor} until {@code count} keys were seen or 10 times
     * as many buckets were visited, and returns the next cursor (0 when done). Expired keys
     * are skipped, not deleted, so that a scan never changes the table under its cursor.
     */
    public long scan(long cursor, int count, Consumer<Entry> action) {
        long nowMillis = keyspace.nowMillis();
        int[] seen = {0};
        long bucketsMax = Math.max(10L, 10L * count);
        long next = cursor;
        do {
            next = table.scanBucket(next, e -> {
                if (!e.isExpiredAt(nowMillis)) {
                    seen[0]++;
                    action.accept(e);
                }
            });
        } while (next != 0 && seen[0] < count && --bucketsMax > 0);
        return next;
    }

    /** Visits every key whose TTL has not passed (KEYS), in table order. */
    public void forEachLive(Consumer<Entry> action) {
        long nowMillis = keyspace.nowMillis();
        table.forEach(e -> {
            if (!e.isExpiredAt(nowMillis)) {
                action.accept(e);
            }
        });
    }

    private Entry findLive(Key key) {
        Entry e = table.get(key);
        if (e != null && e.isExpiredAt(keyspace.nowMillis())) {
            keyspace.removeExpired(e);
            return null;
        }
        return e;
    }
}
