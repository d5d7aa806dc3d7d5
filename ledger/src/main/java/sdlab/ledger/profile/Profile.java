package sdlab.ledger.profile;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user's profile as the application sees it: a few single-valued fields and one list field (interests), to which
 * an edit adds an entry. Immutable.
 */
public record Profile(SortedMap<String, String> scalars, SortedSet<String> interests) {
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
    }

    public static Profile initial() {
        TreeMap<String, String> scalars = new TreeMap<>();
        SCALAR_FIELDS.forEach(field -> scalars.put(field, UNSET));
        return new Profile(scalars, new TreeSet<>());
    }

    /** This profile with {@code edit} applied. */
    public Profile with(Edit edit) {
        if (edit.field().equals(INTERESTS)) {
            TreeSet<String> next = new TreeSet<>(interests);
            next.add(edit.value());
            return new Profile(scalars, next);
        }
        TreeMap<String, String> next = new TreeMap<>(scalars);
        next.put(edit.field(), edit.value());
        return new Profile(next, interests);
    }

    /** One user edit: set a single-valued field, or add an entry to the interests. */
    public record Edit(String field, String value) {
        public Edit {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("a profile has the fields " + FIELDS + ", not '" + field + "'");
            }
            if (value == null || value.isEmpty() || value.contains("=") || value.contains(",")) {
                throw new IllegalArgumentException(
                        "an edit's value is a non-empty word without '=' or ',', got " + value);
            }
        }
    }
}
