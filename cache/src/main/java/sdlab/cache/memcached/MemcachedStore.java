package sdlab.cache.memcached;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The store behind the memcached front door: memcached's semantics, safe for many threads.
 *
 * <h2>Why a store of its own</h2>
 *
 * The Redis engine is single-threaded by design; memcached is multi-threaded by design, and
 * that difference is what the Redis-vs-Memcached chapter measures. So this store does not
 * share the engine's keyspace: it is split into {@code segments} stripes by key hash, each with
 * its own lock, its own LRU (a hash table whose entries are also an LRU list; see {@code Segment})
 * and an equal share of the memory limit,
 * much as memcached splits its LRU per slab class and locks items by hash bucket. Threads
 * contend only when their keys land in the same stripe. Eviction is LRU per stripe, which
 * approximates a global LRU when keys spread evenly.
 *
 * <p>Keys arrive as {@link MemcachedKey} probes that a connection refills for every key it
 * looks up, so the read path allocates no key object; the store copies a key's bytes only when
 * it stores a new one.
 *
 * <h2>Semantics (memcached 1.6 text protocol)</h2>
 *
 * <ul>
 *   <li>Expiry times: 0 never expires; up to 30 days is relative seconds; more is an absolute
 *       Unix time; negative means already expired.
 *   <li>Every store gets a new cas unique from one counter; {@code cas} succeeds only if it
 *       still matches.
 *   <li>{@code incr}/{@code decr} work on unsigned 64-bit decimal data: incr wraps around,
 *       decr stops at 0.
 *   <li>{@code flush_all [delay]} invalidates every item stored before the flush takes effect.
 *   <li>Nothing is persisted.
 * </ul>
 */
public final class MemcachedStore {
    /** memcached's boundary between relative and absolute expiry times: 30 days in seconds. */
    static final long RELATIVE_EXPIRY_SECONDS_MAX = 60L * 60 * 24 * 30;

    private final Segment[] segments;
    private final int itemBytesMax;
    private volatile long memoryBytesMax;
    private final LongSupplier clockMillis;
    private final AtomicLong casCounter = new AtomicLong();
    private final MemcachedStats stats = new MemcachedStats();
    private volatile long flushedCasAtMost;
    private volatile long flushAtMillis;

    /**
     * @param memoryBytesMax total memory for items (memcached's {@code -m})
     * @param itemBytesMax the largest value accepted (memcached's {@code -I}, 1 MiB by default)
     * @param segments the number of lock stripes, a power of two
     * @param clockMillis epoch milliseconds
     */
    public MemcachedStore(long memoryBytesMax, int itemBytesMax, int segments, LongSupplier clockMillis) {
        if (Integer.bitCount(segments) != 1) {
            throw new IllegalArgumentException("segments must be a power of two");
        }
        this.memoryBytesMax = memoryBytesMax;
        this.itemBytesMax = itemBytesMax;
        this.clockMillis = clockMillis;
        this.segments = new Segment[segments];
        for (int i = 0; i < segments; i++) {
            this.segments[i] = new Segment(memoryBytesMax / segments);
        }
    }

    /** The live item of {@code key} or null; counts a hit or a miss. */
    public Item get(MemcachedKey key) {
        Segment segment = segmentOf(key);
        Item item;
        synchronized (segment) {
            item = live(segment, key);
        }
        (item == null ? stats.getMisses : stats.getHits).increment(); // and so cmd_get
        return item;
    }

    /** A storage command; {@code casUnique} is used only by {@link StoreMode#CAS}. */
    public StoreResult store(StoreMode mode, MemcachedKey key, long flags, long exptime, byte[] data, long casUnique) {
        stats.cmdSet.increment();
        Segment segment = segmentOf(key);
        synchronized (segment) {
            Item existing = live(segment, key);
            long nowMillis = clockMillis.getAsLong();
            Item next =
                    switch (mode) {
                        case SET -> newItem(data, flags, exptime, nowMillis);
                        case ADD -> existing == null ? newItem(data, flags, exptime, nowMillis) : null;
                        case REPLACE -> existing != null ? newItem(data, flags, exptime, nowMillis) : null;
                        case APPEND -> existing != null ? joined(existing, existing.value(), data, nowMillis) : null;
                        case PREPEND -> existing != null ? joined(existing, data, existing.value(), nowMillis) : null;
                        case CAS -> casStore(existing, casUnique, data, flags, exptime, nowMillis);
                    };
            if (mode == StoreMode.CAS && next == null) {
                return existing == null ? StoreResult.NOT_FOUND : StoreResult.EXISTS;
            }
            if (next == null) {
                return StoreResult.NOT_STORED;
            }
            return put(segment, key, next, mode);
        }
    }

    /** Removes {@code key}; false if it was not there. */
    public boolean delete(MemcachedKey key) {
        Segment segment = segmentOf(key);
        boolean deleted;
        synchronized (segment) {
            deleted = live(segment, key) != null && segment.remove(key);
        }
        (deleted ? stats.deleteHits : stats.deleteMisses).increment();
        return deleted;
    }

    /**
     * The meta protocol's {@code md}: removes {@code key} if its cas unique is {@code casUnique}
     * (any, when 0). Returns {@link StoreResult#STORED} when it was removed, {@code NOT_FOUND} or
     * {@code EXISTS} (a newer version is there) when not.
     */
    public StoreResult deleteIfCas(MemcachedKey key, long casUnique) {
        Segment segment = segmentOf(key);
        StoreResult result;
        synchronized (segment) {
            Item item = live(segment, key);
            if (item == null) {
                result = StoreResult.NOT_FOUND;
            } else if (casUnique != 0 && item.cas() != casUnique) {
                result = StoreResult.EXISTS;
            } else {
                segment.remove(key);
                result = StoreResult.STORED;
            }
        }
        (result == StoreResult.STORED ? stats.deleteHits : stats.deleteMisses).increment();
        return result;
    }

    /** Seconds until {@code item} expires, rounded up; -1 if it never does (the meta protocol's {@code t} flag). */
    public long ttlSeconds(Item item) {
        if (item.expireAtMillis() == 0) {
            return -1;
        }
        return Math.max(0, (item.expireAtMillis() - clockMillis.getAsLong() + 999) / 1000);
    }

    /** The live item of {@code key}, or null, counting nothing: what a meta command reports after it acted. */
    public Item peek(MemcachedKey key) {
        Segment segment = segmentOf(key);
        synchronized (segment) {
            return live(segment, key);
        }
    }

    /**
     * Drops {@code key} without counting a delete: what memcached does to the old value when a
     * {@code set} fails because the new one is too large, so that no stale value survives.
     */
    public void invalidate(MemcachedKey key) {
        Segment segment = segmentOf(key);
        synchronized (segment) {
            segment.remove(key);
        }
    }

    /** incr ({@code decrement == false}) or decr by the unsigned {@code delta}. */
    public IncrResult increment(MemcachedKey key, long delta, boolean decrement) {
        Segment segment = segmentOf(key);
        synchronized (segment) {
            Item item = live(segment, key);
            if (item == null) {
                (decrement ? stats.decrMisses : stats.incrMisses).increment();
                return new IncrResult.NotFound();
            }
            long current;
            try {
                current = Long.parseUnsignedLong(new String(item.value(), java.nio.charset.StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return new IncrResult.NonNumeric();
            }
            long next = decrement ? (Long.compareUnsigned(current, delta) < 0 ? 0 : current - delta) : current + delta;
            byte[] text = Long.toUnsignedString(next).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            long nowMillis = clockMillis.getAsLong();
            segment.put(
                    key, new Item(text, item.flags(), item.expireAtMillis(), casCounter.incrementAndGet(), nowMillis));
            (decrement ? stats.decrHits : stats.incrHits).increment();
            return new IncrResult.Value(next);
        }
    }

    /** Gives {@code key} a new expiry time; false if it does not exist. */
    public boolean touch(MemcachedKey key, long exptime) {
        stats.cmdTouch.increment();
        boolean touched = retouch(key, exptime) != null;
        (touched ? stats.touchHits : stats.touchMisses).increment();
        return touched;
    }

    /**
     * {@code gat}: the live item of {@code key} with a new expiry time, or null; counts as a
     * touch and a get, as memcached does. A negative time returns the item and expires it.
     */
    public Item getAndTouch(MemcachedKey key, long exptime) {
        stats.cmdTouch.increment();
        Item item = retouch(key, exptime);
        (item == null ? stats.touchMisses : stats.touchHits).increment();
        (item == null ? stats.getMisses : stats.getHits).increment();
        return item;
    }

    private Item retouch(MemcachedKey key, long exptime) {
        Segment segment = segmentOf(key);
        synchronized (segment) {
            Item item = live(segment, key);
            if (item == null) {
                return null;
            }
            long expireAt = expireAt(exptime, clockMillis.getAsLong());
            Item touched = new Item(item.value(), item.flags(), expireAt, item.cas(), item.storedAtMillis());
            segment.put(key, touched);
            return touched;
        }
    }

    /** {@code cache_memlimit}: a new memory limit, shared among the stripes; items over it are evicted. */
    public void setMemoryBytesMax(long bytesMax) {
        memoryBytesMax = bytesMax;
        for (Segment segment : segments) {
            synchronized (segment) {
                stats.evictions.add(segment.setBytesMax(bytesMax / segments.length));
            }
        }
    }

    /** Invalidates every item stored before now, or before {@code delaySeconds} from now. */
    public void flushAll(long delaySeconds) {
        stats.cmdFlush.increment();
        if (delaySeconds <= 0) {
            flushedCasAtMost = casCounter.get();
            flushAtMillis = 0;
            for (Segment segment : segments) {
                synchronized (segment) {
                    segment.clear();
                }
            }
        } else {
            flushAtMillis = clockMillis.getAsLong() + delaySeconds * 1000;
        }
    }

    public MemcachedStats stats() {
        return stats;
    }

    /** Items stored now (some may have expired without being noticed yet). */
    public long itemCount() {
        long count = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                count += segment.size();
            }
        }
        return count;
    }

    /** Bytes the items count against the limit. */
    public long bytes() {
        long bytes = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                bytes += segment.bytes();
            }
        }
        return bytes;
    }

    public long memoryBytesMax() {
        return memoryBytesMax;
    }

    public int itemBytesMax() {
        return itemBytesMax;
    }

    /** The upper half of the key's hash picks the segment; the lower half picks the slot within it. */
    private Segment segmentOf(MemcachedKey key) {
        return segments[(int) (key.hash() >>> 32) & (segments.length - 1)];
    }

    /** The item if it is still valid; an expired or flushed one is removed. Lock held. */
    private Item live(Segment segment, MemcachedKey key) {
        Item item = segment.get(key);
        if (item == null) {
            return null;
        }
        long nowMillis = clockMillis.getAsLong();
        boolean expired = item.expireAtMillis() != 0 && nowMillis >= item.expireAtMillis();
        long flushAt = flushAtMillis;
        boolean flushed = item.cas() <= flushedCasAtMost
                || (flushAt != 0 && nowMillis >= flushAt && item.storedAtMillis() < flushAt);
        if (expired || flushed) {
            segment.remove(key);
            (expired ? stats.getExpired : stats.getFlushed).increment();
            return null;
        }
        return item;
    }

    private StoreResult put(Segment segment, MemcachedKey key, Item item, StoreMode mode) {
        if (item.value().length > itemBytesMax) {
            if (mode == StoreMode.SET) {
                segment.remove(key); // memcached drops the old value when a set is too large
            }
            return StoreResult.TOO_LARGE;
        }
        if (Item.sizeBytes(key.length(), item.value().length) > segment.bytesMax()) {
            return StoreResult.OUT_OF_MEMORY;
        }
        stats.evictions.add(segment.put(key, item));
        stats.totalItems.increment();
        return StoreResult.STORED;
    }

    private Item newItem(byte[] data, long flags, long exptime, long nowMillis) {
        return new Item(data, flags, expireAt(exptime, nowMillis), casCounter.incrementAndGet(), nowMillis);
    }

    private Item joined(Item existing, byte[] first, byte[] second, long nowMillis) {
        byte[] data = new byte[first.length + second.length];
        System.arraycopy(first, 0, data, 0, first.length);
        System.arraycopy(second, 0, data, first.length, second.length);
        return new Item(data, existing.flags(), existing.expireAtMillis(), casCounter.incrementAndGet(), nowMillis);
    }

    private Item casStore(Item existing, long casUnique, byte[] data, long flags, long exptime, long nowMillis) {
        if (existing == null) {
            stats.casMisses.increment();
            return null;
        }
        if (existing.cas() != casUnique) {
            stats.casBadval.increment();
            return null;
        }
        stats.casHits.increment();
        return newItem(data, flags, exptime, nowMillis);
    }

    /** memcached's expiry rules: 0 never, negative already, up to 30 days relative, else absolute. */
    static long expireAt(long exptime, long nowMillis) {
        if (exptime == 0) {
            return 0;
        }
        if (exptime < 0) {
            return nowMillis;
        }
        if (exptime <= RELATIVE_EXPIRY_SECONDS_MAX) {
            return nowMillis + exptime * 1000;
        }
        long absolute = exptime * 1000;
        return absolute <= nowMillis ? nowMillis : absolute;
    }
}
