package sdlab.cache.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A binary-safe key (also used for hash fields and set members): the bytes a client sent,
 * with their hash computed once. Keys are compared by content.
 *
 * <p>The array is shared, not copied: whoever wraps an array promises never to change it
 * afterwards. The protocol decoders allocate a fresh array per argument, so this holds
 * without a copy on the hot path.
 */
public final class Key implements Comparable<Key> {
    private final byte[] bytes;
    private final int hash;

    private Key(byte[] bytes) {
        this.bytes = bytes;
        this.hash = spread(Arrays.hashCode(bytes));
    }

    /** Wraps {@code bytes} without copying; the caller must not modify them afterwards. */
    public static Key wrap(byte[] bytes) {
        return new Key(bytes);
    }

    /** The key whose bytes are the UTF-8 encoding of {@code text}. */
    public static Key of(String text) {
        return new Key(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The key's bytes; shared, so callers must not modify them. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Key key && key.hash == hash && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int compareTo(Key other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** The bytes decoded as UTF-8 (lossy for binary keys); for logs and tests. */
    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // The polynomial hash of Arrays.hashCode is weak in its low bits for keys that differ only
    // in their last characters ("key:1", "key:2"); the murmur3 finalizer mixes every bit into
    // the low bits that a power-of-two table uses.
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
