package sdlab.chapters.cache.warmup;

import java.nio.ByteBuffer;

/**
 * How the service stores a record in its cache: the record's version in the first eight bytes, then
 * filler up to the record's size, so that memory use is realistic and a hit says which version it
 * served.
 */
final class CachedRecord {
    static final int VERSION_BYTES = Long.BYTES;

    private CachedRecord() {}

    /** A record of {@code sizeBytes} bytes (at least eight) holding {@code version}. */
    static byte[] encode(long version, int sizeBytes) {
        return ByteBuffer.allocate(Math.max(VERSION_BYTES, sizeBytes))
                .putLong(version)
                .array();
    }

    /** The version a cached record holds. */
    static long version(byte[] record) {
        return ByteBuffer.wrap(record).getLong();
    }
}
