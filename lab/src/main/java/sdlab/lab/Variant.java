package sdlab.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * One option being compared, for example "N=3 R=2 W=2".
 *
 * <p>Reports show {@code settings} in the map's own order when it has one (a {@link SequencedMap} such as
 * {@link LinkedHashMap}); any other map, such as {@code Map.of(...)} whose iteration order changes from one JVM to the
 * next, is sorted by key so that reports stay byte-for-byte reproducible.
 *
 * @param name a short unique name, used by {@code --variant} and in claims
 * @param description one line saying what this option does
 * @param settings what distinguishes this option, for reports (values: numbers, booleans, strings, enums, durations)
 */
public record Variant(String name, String description, Map<String, Object> settings) {
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a variant name is one word, got '" + name + "'");
        }
        Map<String, Object> ordered = settings instanceof SequencedMap<String, Object> sequenced
                ? new LinkedHashMap<>(sequenced)
                : new LinkedHashMap<>(new TreeMap<>(settings));
        settings = Collections.unmodifiableMap(ordered);
    }

    /** A variant without settings. */
    public static Variant of(String name, String description) {
        return new Variant(name, description, Map.of());
    }
}
