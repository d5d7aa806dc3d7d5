package sdlab.cache.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The keys of one cache in its numbered databases, and everything that happens to them without
 * a command asking: lazy and active expiry, memory accounting, eviction, snapshots. Single-threaded;
 * time and randomness are injected, so a run replays exactly from its seed and a fake clock.
 *
 * <p>Commands reach keys through a {@link Database} ({@link #db}): they find keys with
 * {@link Database#lookupRead} (counts a hit or a miss, like Redis's {@code lookupKeyRead}) or
 * {@link Database#lookupWrite} (no stats; required before changing a key in place), create them
 * with {@link Database#add} or {@link Database#put}, and report in-place changes with
 * {@link #valueChanged}. Every lookup first removes the key if its TTL has passed. Memory,
 * eviction and active expiry span all databases, as in Redis.
 */
public final class Keyspace {
    /** Redis's default number of databases ({@code databases 16}). */
    public static final int DATABASES_DEFAULT = 16;

    private final LongSupplier clockMillis;
    private final RandomGenerator random;
    private final Database[] databases;
    private final SampleArray all = new SampleArray(SampleArray.Slot.ALL);
    private final SampleArray volatileKeys = new SampleArray(SampleArray.Slot.VOLATILE);
    private final KeyspaceStats stats = new KeyspaceStats();
    private final EvictionView view = new View();

    private EvictionSettings evictionSettings;
    private EvictionPolicy policy;
    private long maxmemoryBytes;
    private long usedBytes;
    private long peakBytes;
    private long dirty;
    private KeyspaceListener listener = KeyspaceListener.NONE;
    private Snapshot snapshot;
    private int snapshotEpoch;

    /** A keyspace of {@link #DATABASES_DEFAULT} databases. */
    public Keyspace(LongSupplier clockMillis, RandomGenerator random, long maxmemoryBytes, EvictionSettings eviction) {
        this(clockMillis, random, maxmemoryBytes, eviction, DATABASES_DEFAULT);
    }

    /**
     * @param clockMillis epoch milliseconds; a fake clock in tests and in the simulator
     * @param random the source of every random choice (eviction and expiry sampling, LFU,
     *     sorted-set skiplist levels, random members)
     * @param maxmemoryBytes the memory limit, 0 for none
     * @param eviction the eviction policy and its parameters
     * @param databaseCount how many databases (Redis's {@code databases}), at least 1
     */
    public Keyspace(
            LongSupplier clockMillis,
            RandomGenerator random,
            long maxmemoryBytes,
            EvictionSettings eviction,
            int databaseCount) {
        if (databaseCount < 1) {
            throw new IllegalArgumentException("a keyspace needs at least one database, not " + databaseCount);
        }
        this.clockMillis = clockMillis;
        this.random = random;
        this.maxmemoryBytes = maxmemoryBytes;
        this.evictionSettings = eviction;
        this.policy = EvictionPolicy.create(eviction);
        this.databases = new Database[databaseCount];
        for (int i = 0; i < databaseCount; i++) {
            databases[i] = new Database(this, i);
        }
    }

    public long nowMillis() {
        return clockMillis.getAsLong();
    }

    /** The engine's one generator: commands and values that choose at random draw from it. */
    public RandomGenerator random() {
        return random;
    }

    public void setListener(KeyspaceListener listener) {
        this.listener = listener;
    }

    // ---- databases ----

    /** Database number {@code index}, which must be below {@link #databaseCount}. */
    public Database db(int index) {
        return databases[index];
    }

    public int databaseCount() {
        return databases.length;
    }

    /**
     * SWAPDB: databases {@code a} and {@code b} exchange their keys, which costs the same for any
     * size. Clients keep their database number and so see the other keys from now on.
     */
    public void swap(int a, int b) {
        Database first = databases[a];
        databases[a] = databases[b];
        databases[b] = first;
        databases[a].renumber(a);
        databases[b].renumber(b);
        dirty++;
    }

    /**
     * MOVE: puts {@code e} (found with {@link Database#lookupWrite}) into {@code target}, which
     * must not hold its key, with its value, expiry and access history.
     */
    public void move(Entry e, Database target) {
        assertChangeable(e);
        assert target.peek(e.key) == null : "moving onto an existing key";
        Database source = e.db;
        source.table.remove(e);
        source.keys.remove(e);
        if (e.hasExpiry()) {
            source.volatileCount--;
            target.volatileCount++;
        }
        e.db = target;
        target.table.insert(e);
        target.keys.add(e);
        dirty++;
        listener.keyChanged(source.index(), e.key);
        listener.keyChanged(target.index(), e.key);
        listener.keyAdded(target.index(), e.key);
    }

    /** Whether the eviction policy is an LFU one, which tracks frequency instead of idle time. */
    public boolean tracksFrequency() {
        return evictionSettings.policy().endsWith("-lfu");
    }

    /** {@code e}'s LFU counter decayed to now, as OBJECT FREQ reports it. */
    public int frequency(Entry e) {
        return new LfuCounter(evictionSettings.lfuLogFactor(), evictionSettings.lfuDecayMinutes())
                .decayed(e, nowMillis());
    }

    // ---- changes ----

    /** Adds a key that {@code db} does not hold (see {@link Database#add}). */
    Entry add(Database db, Key key, Value value) {
        Entry e = new Entry(db, key, value);
        long nowMillis = nowMillis();
        e.accessMillis = nowMillis;
        LfuCounter.start(e, nowMillis);
        e.snapshotEpoch = snapshotEpoch;
        e.sizeBytes = MemoryAccounting.entryBytes(key.length(), value);
        e.live = true;
        db.table.insert(e);
        db.keys.add(e);
        all.add(e);
        policy.onAdd(e);
        addUsed(e.sizeBytes);
        dirty++;
        listener.keyChanged(db.index(), key);
        listener.keyAdded(db.index(), key);
        return e;
    }

    /** Replaces the value of {@code e} (found with {@link #lookupWrite}), dropping its expiry unless kept. */
    public Entry replace(Entry e, Value value, boolean keepExpiry) {
        assertChangeable(e);
        e.value = value;
        if (!keepExpiry && e.hasExpiry()) {
            clearExpiry(e);
        }
        resize(e);
        dirty++;
        listener.keyChanged(e.db.index(), e.key);
        return e;
    }

    /** Tells the keyspace that {@code e}'s value was changed in place. */
    public void valueChanged(Entry e) {
        assertChangeable(e);
        resize(e);
        dirty++;
        listener.keyChanged(e.db.index(), e.key);
    }

    /** Deletes {@code e} on a command's behalf. */
    public void delete(Entry e) {
        assert e.live : "deleting a removed entry";
        unlink(e);
        dirty++;
        listener.keyChanged(e.db.index(), e.key);
    }

    /** Makes {@code e} expire at {@code atMillis} (epoch milliseconds). */
    public void setExpiry(Entry e, long atMillis) {
        assertChangeable(e);
        assert atMillis >= 0 : "expiry before the epoch";
        boolean had = e.hasExpiry();
        e.expireAtMillis = atMillis;
        if (!had) {
            volatileKeys.add(e);
            e.db.volatileCount++;
            policy.onExpiryChanged(e);
        }
        dirty++;
        listener.keyChanged(e.db.index(), e.key);
    }

    /** Removes {@code e}'s expiry; returns false if it had none. */
    public boolean persist(Entry e) {
        assertChangeable(e);
        if (!e.hasExpiry()) {
            return false;
        }
        clearExpiry(e);
        dirty++;
        listener.keyChanged(e.db.index(), e.key);
        return true;
    }

    /** Removes every key of every database (FLUSHALL); returns how many there were. */
    public int flushAll() {
        int count = 0;
        for (Database db : databases) {
            listener.beforeFlush(db.index());
            count += db.table.size();
            db.table.forEach(e -> {
                e.live = false;
                e.lruPrev = null;
                e.lruNext = null;
            });
            db.table.clear();
            db.keys.clear();
            db.volatileCount = 0;
        }
        all.clear();
        volatileKeys.clear();
        usedBytes = 0;
        policy = EvictionPolicy.create(evictionSettings);
        dirty += count + 1; // a flush of an empty keyspace is still a change to log, as in Redis
        return count;
    }

    /** Removes every key of {@code db} (FLUSHDB); returns how many there were. */
    int flush(Database db) {
        int count = db.table.size();
        if (count == size()) {
            return flushAll(); // no other database holds keys: the same, and cheaper
        }
        listener.beforeFlush(db.index());
        while (db.keys.size() > 0) {
            unlink(db.keys.at(db.keys.size() - 1));
        }
        dirty += count + 1;
        return count;
    }

    // ---- size ----

    /** Keys in all databases. */
    public int size() {
        return all.size();
    }

    /** Keys with an expiry in all databases. */
    public int volatileSize() {
        return volatileKeys.size();
    }

    // ---- memory and eviction ----

    /** The accounted memory of all keys ({@code used_memory}); see {@link MemoryAccounting}. */
    public long usedMemoryBytes() {
        return usedBytes;
    }

    public long peakMemoryBytes() {
        return peakBytes;
    }

    public long maxmemoryBytes() {
        return maxmemoryBytes;
    }

    /** Sets the memory limit; 0 means none. Evictions happen on the next {@link #evictToFit}. */
    public void setMaxmemory(long bytes) {
        assert bytes >= 0 : "negative maxmemory";
        this.maxmemoryBytes = bytes;
    }

    public EvictionSettings evictionSettings() {
        return evictionSettings;
    }

    /** The Redis name of the current policy. */
    public String evictionPolicyName() {
        return policy.name();
    }

    /** Switches the eviction policy; the new one adopts the existing keys. */
    public void setEviction(EvictionSettings settings) {
        List<Entry> entries = new ArrayList<>(all.size());
        forEachEntry(e -> {
            e.lruPrev = null;
            e.lruNext = null;
            entries.add(e);
        });
        this.evictionSettings = settings;
        this.policy = EvictionPolicy.create(settings);
        policy.adopt(entries);
    }

    /**
     * Evicts keys until used memory is within maxmemory, at most {@code evictionsMax} of them
     * (Redis bounds this by time; a count keeps it deterministic).
     */
    public EvictionOutcome evictToFit(int evictionsMax) {
        int evicted = 0;
        while (maxmemoryBytes > 0 && usedBytes > maxmemoryBytes) {
            if (evicted == evictionsMax) {
                return EvictionOutcome.RUNNING;
            }
            Entry victim = policy.selectVictim(view);
            if (victim == null) {
                return EvictionOutcome.CANNOT_EVICT;
            }
            unlink(victim);
            stats.evictedKeys++;
            listener.keyEvicted(victim.db.index(), victim.key);
            evicted++;
        }
        return EvictionOutcome.WITHIN_LIMIT;
    }

    // ---- expiry ----

    /**
     * One run of active expiry (see {@link ActiveExpiry}): deletes keys whose TTL passed
     * although nobody read them.
     *
     * @return how many keys expired
     */
    public int activeExpireCycle(int keysPerRound, int stalePercentAcceptable, int roundsMax) {
        return ActiveExpiry.run(
                volatileKeys,
                random,
                nowMillis(),
                this::removeExpired,
                keysPerRound,
                stalePercentAcceptable,
                roundsMax);
    }

    // ---- snapshots, stats ----

    /** Starts a point-in-time snapshot written to {@code sink} by {@link Snapshot#step}. */
    public Snapshot beginSnapshot(SnapshotSink sink) {
        if (snapshot != null) {
            throw new IllegalStateException("a snapshot is already running");
        }
        snapshotEpoch++;
        // Database by database, so that a file switches database as few times as it can.
        Entry[] entries = new Entry[all.size()];
        int filled = 0;
        for (Database db : databases) {
            for (int i = 0; i < db.keys.size(); i++) {
                entries[filled++] = db.keys.at(i);
            }
        }
        Snapshot started = new Snapshot(this, sink, snapshotEpoch, entries, numbering());
        snapshot = started;
        if (entries.length == 0) {
            started.step(0);
        }
        return started;
    }

    /** Whether a snapshot is running. */
    public boolean snapshotRunning() {
        return snapshot != null;
    }

    public KeyspaceStats stats() {
        return stats;
    }

    /** How many changes commands have made: Redis's {@code server.dirty}. */
    public long dirty() {
        return dirty;
    }

    void snapshotFinished(Snapshot finished) {
        assert snapshot == finished : "another snapshot finished";
        snapshot = null;
    }

    // ---- internals, for Database and Snapshot ----

    /** Database numbers now, by database object: a snapshot keeps the numbering it began with. */
    private Map<Database, Integer> numbering() {
        Map<Database, Integer> numbers = new IdentityHashMap<>();
        for (Database db : databases) {
            numbers.put(db, db.index());
        }
        return numbers;
    }

    private void forEachEntry(Consumer<Entry> action) {
        for (int i = 0; i < all.size(); i++) {
            action.accept(all.at(i));
        }
    }

    void countLookup(Entry found) {
        if (found == null) {
            stats.misses++;
        } else {
            stats.hits++;
        }
    }

    void touch(Entry e) {
        long nowMillis = nowMillis();
        e.accessMillis = nowMillis;
        policy.onAccess(e, nowMillis, random);
    }

    void beforeChange(Entry e) {
        if (snapshot != null) {
            snapshot.beforeChange(e);
        }
    }

    private void assertChangeable(Entry e) {
        assert e.live : "changing a removed entry";
        assert snapshot == null || e.snapshotEpoch == snapshot.epoch() : "changed without lookupWrite: " + e.key;
    }

    void removeExpired(Entry e) {
        unlink(e);
        stats.expiredKeys++;
        listener.keyExpired(e.db.index(), e.key);
    }

    private void unlink(Entry e) {
        e.db.table.remove(e);
        e.db.keys.remove(e);
        all.remove(e);
        if (volatileKeys.contains(e)) {
            volatileKeys.remove(e);
            e.db.volatileCount--;
        }
        policy.onRemove(e);
        usedBytes -= e.sizeBytes;
        e.live = false;
    }

    private void clearExpiry(Entry e) {
        e.expireAtMillis = Entry.NO_EXPIRY;
        volatileKeys.remove(e);
        e.db.volatileCount--;
        policy.onExpiryChanged(e);
    }

    private void resize(Entry e) {
        long size = MemoryAccounting.entryBytes(e.key.length(), e.value);
        addUsed(size - e.sizeBytes);
        e.sizeBytes = size;
    }

    private void addUsed(long delta) {
        usedBytes += delta;
        peakBytes = Math.max(peakBytes, usedBytes);
    }

    private final class View implements EvictionView {
        @Override
        public SampleArray candidates(EvictionScope scope) {
            return scope == EvictionScope.ALL_KEYS ? all : volatileKeys;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public long nowMillis() {
            return Keyspace.this.nowMillis();
        }
    }
}
