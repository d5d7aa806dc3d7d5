package sdlab.cache.memcached;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A memcached key as the store looks it up: at most {@value #BYTES_MAX} bytes and their 64-bit
 * hash. It is mutable and meant to be reused: a connection copies each key of a command into
 * its one probe, {@link #filled marks} it and hands it to the store, so that a lookup allocates
 * nothing. The store never keeps a probe; it copies the bytes when it stores a new key.
 *
 * <p>The hash's upper half picks the store's lock stripe and its lower half the slot within the
 * stripe's table, so the two choices do not correlate.
 */
public final class MemcachedKey {
    /** memcached's longest key. */
    public static final int BYTES_MAX = 250;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final byte[] bytes = new byte[BYTES_MAX];
    private int length;
    private long hash;

    /** A new probe holding a copy of {@code key}; for callers that have the key as an array. */
    public static MemcachedKey of(byte[] key) {
        if (key.length > BYTES_MAX) {
            throw new IllegalArgumentException("a memcached key has at most 250 bytes, got " + key.length);
        }
        MemcachedKey probe = new MemcachedKey();
        System.arraycopy(key, 0, probe.bytes, 0, key.length);
        return probe.filled(key.length);
    }

    /** The array to copy the next key into, from index 0; {@link #filled} then says how long it is. */
    public byte[] buffer() {
        return bytes;
    }

    /** Makes the first {@code keyLength} bytes of {@link #buffer()} the key, and hashes them. */
    public MemcachedKey filled(int keyLength) {
        if (keyLength < 0 || keyLength > BYTES_MAX) {
            throw new IllegalArgumentException("a memcached key has 0 to 250 bytes, got " + keyLength);
        }
        length = keyLength;
        hash = hash(bytes, keyLength);
        return this;
    }

    public int length() {
        return length;
    }

    long hash() {
        return hash;
    }

    /** True if {@code stored} holds exactly this key's bytes. */
    boolean matches(byte[] stored) {
        return stored.length == length && Arrays.equals(stored, 0, length, bytes, 0, length);
    }

    /** The key's bytes in an array of their own, for the store to keep. */
    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Eight bytes at a time, each word folded in by a multiply (the golden-ratio constant), then
     * the murmur3 finalizer so that every input bit reaches both halves. Fixed, with no seed:
     * the store stays deterministic.
     */
    private static long hash(byte[] bytes, int length) {
        long h = length * MULTIPLIER;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(bytes, i)) * MULTIPLIER, 29);
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = (h ^ tail) * MULTIPLIER;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
