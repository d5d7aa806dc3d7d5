package sdlab.kv.causal;

import java.util.Objects;

/**
 * One write as the replicas pass it around: the key, the value, its version and the writes it
 * depends on (the writing client's context when it wrote).
 *
 * @param key the key
 * @param value the value: null, a Long or a String
 * @param version the version its origin replica gave it
 * @param dependencies what must be visible at a replica before this write may be
 */
public record CausalWrite(String key, Object value, Version version, Context dependencies) {
    public CausalWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dependencies, "dependencies");
        if (!isStorable(value)) {
            throw new IllegalArgumentException("the causal store keeps null, Long or String values, got " + value);
        }
    }

    /** Whether the store can keep {@code value}. */
    public static boolean isStorable(Object value) {
        return value == null || value instanceof Long || value instanceof String;
    }

    Dependency asDependency() {
        return new Dependency(key, version);
    }
}
