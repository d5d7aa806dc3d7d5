package sdlab.cache.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The keys of one cache and everything that happens to them without a command asking: lazy
 * and active expiry, memory accounting, eviction, snapshots. Single-threaded; time and
 * randomness are injected, so a run replays exactly from its seed and a fake clock.
 *
 * <p>Commands find keys with {@link #lookupRead} (counts a hit or a miss, like Redis's
 * {@code lookupKeyRead}) or {@link #lookupWrite} (no stats; required before changing a key in
 * place), create them with {@link #add} or {@link #put}, and report in-place changes with
 * {@link #valueChanged}. Every lookup first removes the key if its TTL has passed.
 */
public final class Keyspace {
    private final LongSupplier clockMillis;
    private final RandomGenerator random;
    private final KeyTable table = new KeyTable();
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

    /**
     * @param clockMillis epoch milliseconds; a fake clock in tests and in the simulator
     * @param random the source of every random choice (eviction and expiry sampling, LFU,
     *     sorted-set skiplist levels, random members)
     * @param maxmemoryBytes the memory limit, 0 for none
     * @param eviction the eviction policy and its parameters
     */
    public Keyspace(LongSupplier clockMillis, RandomGenerator random, long maxmemoryBytes, EvictionSettings eviction) {
        this.clockMillis = clockMillis;
        this.random = random;
        this.maxmemoryBytes = maxmemoryBytes;
        this.evictionSettings = eviction;
        this.policy = EvictionPolicy.create(eviction);
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

    // ---- lookups ----

    /** The live entry of {@code key} or null, counting a hit or a miss and recording the access. */
    public Entry lookupRead(Key key) {
        Entry e = findLive(key);
        if (e == null) {
            stats.misses++;
            return null;
        }
        stats.hits++;
        touch(e);
        return e;
    }

    /** Like {@link #lookupRead} but without recording an access (EXISTS, TYPE, TTL). */
    public Entry lookupReadNoTouch(Key key) {
        Entry e = findLive(key);
        if (e == null) {
            stats.misses++;
        } else {
            stats.hits++;
        }
        return e;
    }

    /**
     * The live entry of {@code key} or null, for a command that may change it; records the
     * access but no hit or miss. A running snapshot first saves the entry's current state.
     */
    public Entry lookupWrite(Key key) {
        Entry e = findLive(key);
        if (e != null) {
            touch(e);
            beforeChange(e);
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
        return e != null && e.isExpiredAt(nowMillis());
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
        long nowMillis = nowMillis();
        while (all.size() > 0) {
            Entry e = all.at(random.nextInt(all.size()));
            if (!e.isExpiredAt(nowMillis)) {
                return e;
            }
            removeExpired(e);
        }
        return null;
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

    /** Adds a key that does not exist (check with a lookup first). */
    public Entry add(Key key, Value value) {
        Entry e = new Entry(key, value);
        long nowMillis = nowMillis();
        e.accessMillis = nowMillis;
        LfuCounter.start(e, nowMillis);
        e.snapshotEpoch = snapshotEpoch;
        e.sizeBytes = MemoryAccounting.entryBytes(key.length(), value);
        e.live = true;
        table.insert(e);
        all.add(e);
        policy.onAdd(e);
        addUsed(e.sizeBytes);
        dirty++;
        listener.keyChanged(key);
        listener.keyAdded(key);
        return e;
    }

    /** Sets {@code key} to {@code value}, replacing any value and, unless kept, any expiry (SET). */
    public Entry put(Key key, Value value, boolean keepExpiry) {
        Entry e = lookupWrite(key);
        return e == null ? add(key, value) : replace(e, value, keepExpiry);
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
        listener.keyChanged(e.key);
        return e;
    }

    /** Tells the keyspace that {@code e}'s value was changed in place. */
    public void valueChanged(Entry e) {
        assertChangeable(e);
        resize(e);
        dirty++;
        listener.keyChanged(e.key);
    }

    /** Deletes {@code e} on a command's behalf. */
    public void delete(Entry e) {
        assert e.live : "deleting a removed entry";
        unlink(e);
        dirty++;
        listener.keyChanged(e.key);
    }

    /** Makes {@code e} expire at {@code atMillis} (epoch milliseconds). */
    public void setExpiry(Entry e, long atMillis) {
        assertChangeable(e);
        assert atMillis >= 0 : "expiry before the epoch";
        boolean had = e.hasExpiry();
        e.expireAtMillis = atMillis;
        if (!had) {
            volatileKeys.add(e);
            policy.onExpiryChanged(e);
        }
        dirty++;
        listener.keyChanged(e.key);
    }

    /** Removes {@code e}'s expiry; returns false if it had none. */
    public boolean persist(Entry e) {
        assertChangeable(e);
        if (!e.hasExpiry()) {
            return false;
        }
        clearExpiry(e);
        dirty++;
        listener.keyChanged(e.key);
        return true;
    }

    /** Removes every key; returns how many there were. */
    public int flushAll() {
        listener.beforeFlush();
        int count = table.size();
        table.forEach(e -> {
            e.live = false;
            e.lruPrev = null;
            e.lruNext = null;
        });
        table.clear();
        all.clear();
        volatileKeys.clear();
        usedBytes = 0;
        policy = EvictionPolicy.create(evictionSettings);
        dirty += count + 1; // a flush of an empty keyspace is still a change to log, as in Redis
        return count;
    }

    // ---- iteration and size ----

    public int size() {
        return table.size();
    }

    /** Keys with an expiry (Redis's {@code expires} count). */
    public int volatileSize() {
        return volatileKeys.size();
    }

    /**
     * SCAN: visits buckets from {@code cursor} until {@code count} keys were seen or 10 times
     * as many buckets were visited, and returns the next cursor (0 when done). Expired keys
     * are skipped, not deleted, so that a scan never changes the table under its cursor.
     */
    public long scan(long cursor, int count, Consumer<Entry> action) {
        long nowMillis = nowMillis();
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
        long nowMillis = nowMillis();
        table.forEach(e -> {
            if (!e.isExpiredAt(nowMillis)) {
                action.accept(e);
            }
        });
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
        List<Entry> entries = new ArrayList<>(table.size());
        table.forEach(e -> {
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
            listener.keyEvicted(victim.key);
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
        Entry[] entries = new Entry[all.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = all.at(i);
        }
        Snapshot started = new Snapshot(this, sink, snapshotEpoch, entries);
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

    // ---- internals ----

    private Entry findLive(Key key) {
        Entry e = table.get(key);
        if (e != null && e.isExpiredAt(nowMillis())) {
            removeExpired(e);
            return null;
        }
        return e;
    }

    private void touch(Entry e) {
        long nowMillis = nowMillis();
        e.accessMillis = nowMillis;
        policy.onAccess(e, nowMillis, random);
    }

    private void beforeChange(Entry e) {
        if (snapshot != null) {
            snapshot.beforeChange(e);
        }
    }

    private void assertChangeable(Entry e) {
        assert e.live : "changing a removed entry";
        assert snapshot == null || e.snapshotEpoch == snapshot.epoch() : "changed without lookupWrite: " + e.key;
    }

    private void removeExpired(Entry e) {
        unlink(e);
        stats.expiredKeys++;
        listener.keyExpired(e.key);
    }

    private void unlink(Entry e) {
        table.remove(e);
        all.remove(e);
        if (volatileKeys.contains(e)) {
            volatileKeys.remove(e);
        }
        policy.onRemove(e);
        usedBytes -= e.sizeBytes;
        e.live = false;
    }

    private void clearExpiry(Entry e) {
        e.expireAtMillis = Entry.NO_EXPIRY;
        volatileKeys.remove(e);
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
