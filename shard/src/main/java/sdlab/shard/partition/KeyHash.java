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
        return Named.STABLE;
    }

    /**
     * {@code hash} under a name its text shows. A routing table travels in messages whose text a trace prints and
     * hashes; a lambda's text carries its identity hash code, which changes from one JVM to the next, and with it the
     * trace hash of a replayed seed.
     */
    static KeyHash named(String name, KeyHash hash) {
        return new Named(name, hash);
    }

    /** A hash with a name for its text. */
    record Named(String name, KeyHash hash) implements KeyHash {
        static final Named STABLE = new Named("stable", StableHash::of);

        @Override
        public long of(String key) {
            return hash.of(key);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
