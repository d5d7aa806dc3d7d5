package sdlab.ledger.profile;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user's profile as the application sees it: a few single-valued fields and one list field (interests), to which
 * an edit adds an entry or from which it removes one. Immutable.
 *
 * @param scalars the single-valued fields
 * @param interests the list field
 * @param removed tombstones: the interests removed from this profile, kept so that an application merging versions
 *     can tell "removed here" from "never added there" (an application that does not keep them drops them)
 */
public record Profile(SortedMap<String, String> scalars, SortedSet<String> interests, SortedSet<String> removed) {
    /** The single-valued fields; an edit replaces one. */
    public static final List<String> SCALAR_FIELDS = List.of("name", "email", "city");

    /** The list field; an edit adds one entry. */
    public static final String INTERESTS = "interests";

    /** Every editable field. */
    public static final List<String> FIELDS = List.of("name", "email", "city", INTERESTS);

    /** The value of a field nobody has edited yet. */
    public static final String UNSET = "";

    public Profile {
        scalars = Collections.unmodifiableSortedMap(new TreeMap<>(scalars));
        interests = Collections.unmodifiableSortedSet(new TreeSet<>(interests));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    /** A profile without tombstones. */
    public Profile(SortedMap<String, String> scalars, SortedSet<String> interests) {
        this(scalars, interests, new TreeSet<>());
    }

    public static Profile initial() {
        TreeMap<String, String> scalars = new TreeMap<>();
        SCALAR_FIELDS.forEach(field -> scalars.put(field, UNSET));
        return new Profile(scalars, new TreeSet<>());
    }

    /** This profile with {@code edit} applied. */
    public Profile with(Edit edit) {
        if (edit.removes()) {
            TreeSet<String> next = new TreeSet<>(interests);
            next.remove(edit.value());
            TreeSet<String> tombstones = new TreeSet<>(removed);
            tombstones.add(edit.value());
            return new Profile(scalars, next, tombstones);
        }
        if (edit.field().equals(INTERESTS)) {
            TreeSet<String> next = new TreeSet<>(interests);
            next.add(edit.value());
            return new Profile(scalars, next, removed);
        }
        TreeMap<String, String> next = new TreeMap<>(scalars);
        next.put(edit.field(), edit.value());
        return new Profile(next, interests, removed);
    }

    /**
     * One user edit: set a single-valued field, add an entry to the interests, or remove one.
     *
     * @param removes whether the edit removes {@code value} from the interests (only the list field has removals)
     */
    public record Edit(String field, String value, boolean removes) {
        public Edit {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("a profile has the fields " + FIELDS + ", not '" + field + "'");
            }
            if (value == null || value.isEmpty() || value.contains("=") || value.contains(",")) {
                throw new IllegalArgumentException(
                        "an edit's value is a non-empty word without '=' or ',', got " + value);
            }
            if (removes && !field.equals(INTERESTS)) {
                throw new IllegalArgumentException("only the " + INTERESTS + " field has entries to remove");
            }
        }

        /** An edit that sets {@code field} or adds to the interests. */
        public Edit(String field, String value) {
            this(field, value, false);
        }

        /** An edit that removes {@code value} from the interests. */
        public static Edit removal(String value) {
            return new Edit(INTERESTS, value, true);
        }
    }
}
