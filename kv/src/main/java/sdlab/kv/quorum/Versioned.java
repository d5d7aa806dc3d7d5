package sdlab.kv.quorum;

import java.util.Objects;
import java.util.Optional;

/**
 * A value with its version: what replicas store and exchange.
 *
 * @param value the client's value, treated opaquely (null, Long, Integer, String, Boolean, or
 *     a List of those; see {@link QuorumCluster#isStorable})
 * @param version which write produced it
 */
public record Versioned(Object value, Version version) {
    public Versioned {
        Objects.requireNonNull(version, "version");
    }

    /** The newer of two copies of one key; an empty side loses. */
    static Optional<Versioned> newest(Optional<Versioned> a, Optional<Versioned> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return newer(a.get(), b.get()) == a.get() ? a : b;
    }

    /** The newer of two copies; with equal versions, the first. */
    static Versioned newer(Versioned a, Versioned b) {
        return switch (a.version().compareWith(b.version())) {
            case OLDER -> b;
            case SAME, NEWER -> a;
            case CONCURRENT ->
                throw new IllegalStateException(
                        "concurrent versions need siblings, which this store does not keep: " + a + ", " + b);
        };
    }

    /** Whether {@code candidate} is strictly newer than what {@code current} holds. */
    static boolean supersedes(Versioned candidate, Optional<Versioned> current) {
        return current.isEmpty()
                || candidate.version().isNewerThan(current.get().version());
    }
}
