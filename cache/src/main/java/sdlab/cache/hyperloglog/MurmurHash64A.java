package sdlab.cache.hyperloglog;

/**
 * Austin Appleby's MurmurHash2, 64-bit variant "64A", reading 8-byte blocks little-endian
 * whatever the machine, as Redis's endian-neutral version does: the same element must land in
 * the same register here and in redis-server, or their HyperLogLogs would not be interchangeable.
 */
final class MurmurHash64A {
    private static final long MULTIPLIER = 0xc6a4a7935bd1e995L;
    private static final int SHIFT = 47;

    private MurmurHash64A() {}

    /** The 64-bit hash of {@code data} with {@code seed} (taken as an unsigned 32-bit number). */
    static long hash(byte[] data, long seed) {
        int length = data.length;
        long h = (seed & 0xffffffffL) ^ (length * MULTIPLIER);
        int blocksEnd = length - (length & 7);
        for (int i = 0; i < blocksEnd; i += 8) {
            long k = littleEndian(data, i, 8);
            k *= MULTIPLIER;
            k ^= k >>> SHIFT;
            k *= MULTIPLIER;
            h ^= k;
            h *= MULTIPLIER;
        }
        int tail = length & 7;
        if (tail != 0) {
            h ^= littleEndian(data, blocksEnd, tail);
            h *= MULTIPLIER;
        }
        h ^= h >>> SHIFT;
        h *= MULTIPLIER;
        h ^= h >>> SHIFT;
        return h;
    }

    private static long littleEndian(byte[] data, int offset, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }
}
