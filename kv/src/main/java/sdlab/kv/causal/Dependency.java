package sdlab.kv.causal;

import java.util.Comparator;
import java.util.Objects;

/**
 * One write a client's next operation depends on: the key and the version it read or wrote.
 *
 * @param key the key
 * @param version the version of that key the client saw
 */
public record Dependency(String key, Version version) implements Comparable<Dependency> {
    private static final Comparator<Dependency> ORDER =
            Comparator.comparing(Dependency::key).thenComparing(Dependency::version);

    public Dependency {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public int compareTo(Dependency other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return key + "@" + version;
    }
}
