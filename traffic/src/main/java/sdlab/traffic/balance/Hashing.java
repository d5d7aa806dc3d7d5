package sdlab.traffic.balance;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash for consistent hashing and stickiness: FNV-1a over the UTF-8 bytes, then
 * MurmurHash3's finaliser so that similar keys (addresses differing in one digit) spread over
 * the whole ring.
 */
public final class Hashing {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hashing() {}

    public static long hash64(String key) {
        long hash = FNV_OFFSET;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return mix(hash);
    }

    /** MurmurHash3's 64-bit finaliser: spreads the bits of {@code value} over the whole word. */
    public static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
