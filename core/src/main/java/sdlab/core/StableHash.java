package sdlab.core;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash that is the same in every run and on every machine, for placing keys on rings (the quorum store's
 * preference lists, the balancer's consistent hashing and stickiness) and for the checker's state fingerprints.
 *
 * <p>FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser: FNV-1a alone leaves similar short strings
 * ("k1", "k2", "n1#0", addresses differing in one digit) close together in the high bits, which would bunch ring
 * positions; the finaliser spreads every input bit over the whole word. {@link String#hashCode} would do for neither:
 * 32 bits, and poorly spread.
 */
public final class StableHash {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {}

    /** The hash of {@code text}'s UTF-8 bytes. */
    public static long of(String text) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return mix(hash);
    }

    /** MurmurHash3's 64-bit finaliser: spreads every bit of {@code value} over every bit of the result. */
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
