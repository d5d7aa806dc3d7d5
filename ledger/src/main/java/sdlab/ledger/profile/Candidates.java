package sdlab.ledger.profile;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a read hands the application: how many versions the store kept side by side, and for each field the values
 * they hold. One version whose fields each hold one value is no conflict at all.
 *
 * @param versions siblings returned (version vectors), or the most values any one field holds (CRDT map)
 * @param scalarValues every value each single-valued field holds across the versions
 * @param interests the union of the list field across the versions
 * @param removed the union of the versions' tombstones (interests some version removed)
 */
public record Candidates(
        int versions,
        SortedMap<String, SortedSet<String>> scalarValues,
        SortedSet<String> interests,
        SortedSet<String> removed) {
    public Candidates {
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        scalarValues.forEach(
                (field, values) -> copy.put(field, Collections.unmodifiableSortedSet(new TreeSet<>(values))));
        scalarValues = Collections.unmodifiableSortedMap(copy);
        interests = Collections.unmodifiableSortedSet(new TreeSet<>(interests));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    /** Candidates without tombstones (a store that needs none). */
    public Candidates(int versions, SortedMap<String, SortedSet<String>> scalarValues, SortedSet<String> interests) {
        this(versions, scalarValues, interests, new TreeSet<>());
    }

    /** The values of several whole-profile versions, field by field. */
    static Candidates ofVersions(List<Profile> profiles) {
        TreeMap<String, SortedSet<String>> values = new TreeMap<>();
        TreeSet<String> interests = new TreeSet<>();
        TreeSet<String> removed = new TreeSet<>();
        for (Profile profile : profiles) {
            profile.scalars().forEach((field, value) -> values.computeIfAbsent(field, f -> new TreeSet<>())
                    .add(value));
            interests.addAll(profile.interests());
            removed.addAll(profile.removed());
        }
        return new Candidates(profiles.size(), values, interests, removed);
    }

    /** Whether the application sees more than one version: a conflict surfaced to it. */
    public boolean conflicting() {
        return versions > 1 || scalarValues.values().stream().anyMatch(values -> values.size() > 1);
    }
}
