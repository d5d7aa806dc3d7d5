package sdlab.cache.memcached;

/**
 * One stored item as memcached keeps it.
 *
 * @param value the data; shared, never modified
 * @param flags the client's opaque 32-bit flags (0 to 4294967295)
 * @param expireAtMillis absolute expiry in epoch milliseconds, 0 for never
 * @param cas the unique version number {@code gets} reports and {@code cas} checks
 * @param storedAtMillis when it was stored, for {@code flush_all} with a delay
 */
public record Item(byte[] value, long flags, long expireAtMillis, long cas, long storedAtMillis) {

    /** Bytes an item counts against the memory limit: data, key and memcached's ~48-byte header. */
    static long sizeBytes(int keyLength, int valueLength) {
        return 48L + keyLength + valueLength;
    }
}
