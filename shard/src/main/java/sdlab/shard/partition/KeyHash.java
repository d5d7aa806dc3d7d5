package sdlab.shard.partition;

import sdlab.core.StableHash;

/**
 * How a hash partitioner turns a key into a position: injected so that a test can plant a hash that ignores part of
 * the key and watch the balance claim fail.
 */
@FunctionalInterface
public interface KeyHash {
    /** The key's 64-bit position; the same in every run and on every machine. */
    long of(String key);

    /** FNV-1a with a finaliser over the whole key ({@link StableHash}): what every partitioner here uses. */
    static KeyHash stable() {
        return StableHash::of;
    }
}
