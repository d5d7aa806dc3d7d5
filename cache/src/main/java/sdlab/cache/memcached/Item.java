package sdlab.cache.memcached;

import java.util.Arrays;

/**
 * One stored item as memcached keeps it: its key and value bytes in one array, and its fields.
 *
 * <p>The layout is for the get path. Before it, a hit read five objects (the slot's entry, the
 * entry's key array, an item record and its value array, besides the slot array); now it reads the
 * item and its one array, which holds the key (compared in place against the request's) followed by
 * the value (copied into the reply), as memcached's item holds header, key and data together. The
 * item is also its stripe's hash-chain link and LRU-list node ({@code Segment}), so there is no
 * separate entry.
 *
 * <p>Everything but the links is final and the array is never modified, so an item handed out
 * under the stripe's lock stays valid after it: a store, touch or delete puts a new item in its
 * place (a touch shares the array) instead of changing this one.
 */
public final class Item {
    private final byte[] keyAndValue;
    private final int keyLength;
    /** The lower half of the key's 64-bit hash (the upper half picked the stripe). */
    final int hash;

    private final int flags;
    private final long expireAtMillis;
    private final long cas;
    private final long storedAtMillis;

    // The stripe's links, read and written only under its monitor.
    Item nextInSlot;
    Item older;
    Item newer;
    /** Read since it was stored or last passed over by eviction: memcached's {@code ITEM_ACTIVE}. */
    boolean active;

    private Item(
            byte[] keyAndValue,
            int keyLength,
            int hash,
            long flags,
            long expireAtMillis,
            long cas,
            long storedAtMillis) {
        this.keyAndValue = keyAndValue;
        this.keyLength = keyLength;
        this.hash = hash;
        this.flags = (int) flags;
        this.expireAtMillis = expireAtMillis;
        this.cas = cas;
        this.storedAtMillis = storedAtMillis;
    }

    /**
     * A new item for {@code key} holding {@code first} followed by {@code second} (append and
     * prepend join two values; a plain store passes an empty {@code second}).
     */
    static Item of(
            MemcachedKey key,
            byte[] first,
            byte[] second,
            long flags,
            long expireAtMillis,
            long cas,
            long storedAtMillis) {
        int keyLength = key.length();
        byte[] bytes = new byte[keyLength + first.length + second.length];
        key.copyTo(bytes);
        System.arraycopy(first, 0, bytes, keyLength, first.length);
        System.arraycopy(second, 0, bytes, keyLength + first.length, second.length);
        return new Item(bytes, keyLength, (int) key.hash(), flags, expireAtMillis, cas, storedAtMillis);
    }

    /** A stand-alone item, for callers outside the store (tests of reply formatting). */
    public static Item of(byte[] key, byte[] value, long flags, long expireAtMillis, long cas, long storedAtMillis) {
        return of(MemcachedKey.of(key), value, new byte[0], flags, expireAtMillis, cas, storedAtMillis);
    }

    /** This item with another expiry time; the bytes are shared. */
    Item expiringAt(long newExpireAtMillis) {
        return new Item(keyAndValue, keyLength, hash, flags, newExpireAtMillis, cas, storedAtMillis);
    }

    /** This item's key and value with a new cas unique, value and time: what incr/decr store. */
    Item withValue(MemcachedKey key, byte[] value, long newCas, long nowMillis) {
        return of(key, value, new byte[0], flags(), expireAtMillis, newCas, nowMillis);
    }

    /** The array holding the key and then the value; shared, never to be modified. */
    public byte[] keyAndValue() {
        return keyAndValue;
    }

    /** Where the value starts in {@link #keyAndValue()}: the key's length. */
    public int valueOffset() {
        return keyLength;
    }

    public int valueLength() {
        return keyAndValue.length - keyLength;
    }

    /** A copy of the value; the read path writes it from {@link #keyAndValue()} instead. */
    public byte[] value() {
        return Arrays.copyOfRange(keyAndValue, keyLength, keyAndValue.length);
    }

    /** The client's opaque 32-bit flags (0 to 4294967295). */
    public long flags() {
        return Integer.toUnsignedLong(flags);
    }

    /** Absolute expiry in epoch milliseconds, 0 for never. */
    public long expireAtMillis() {
        return expireAtMillis;
    }

    /** The unique version number {@code gets} reports and {@code cas} checks. */
    public long cas() {
        return cas;
    }

    /** When it was stored, for {@code flush_all} with a delay. */
    public long storedAtMillis() {
        return storedAtMillis;
    }

    int keyLength() {
        return keyLength;
    }

    /** Bytes this item counts against the memory limit. */
    long sizeBytes() {
        return sizeBytes(keyLength, keyAndValue.length - keyLength);
    }

    /** Bytes an item counts against the memory limit: data, key and memcached's ~48-byte header. */
    static long sizeBytes(int keyLength, int valueLength) {
        return 48L + keyLength + valueLength;
    }
}
