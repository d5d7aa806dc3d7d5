package sdlab.kv.quorum;

import java.nio.charset.StandardCharsets;

/**
 * The ring's hash: 64-bit FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser.
 * FNV-1a alone leaves similar short strings ("k1", "k2", "n1#0") close together in the high
 * bits, which would bunch ring positions; the finaliser spreads every input bit over the
 * whole word. Pure arithmetic, so the same key lands at the same position in every run.
 */
final class KeyHash {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private KeyHash() {}

    static long of(String text) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return mix(hash);
    }

    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
