package sdlab.ledger.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's side of a conflict: the programmatic stand-in for a conflict-resolution screen. It merges the
 * versions a read returned with a policy per field: the list field takes the union of its versions; a single-valued
 * field holding several values is put to the user, who picks one (each such question is a prompt). The values not
 * picked are discarded knowingly, and reported, so a checker can tell them from updates lost silently.
 *
 * <p>The union of the list field is where deletes go wrong: a version from before an entry was removed still holds the
 * entry, and the union brings it back (the shopping cart whose deleted items reappear, in Amazon's Dynamo paper). An
 * application that keeps tombstones ({@link ListMerge#UNION_MINUS_TOMBSTONES}) takes the union of the entries minus
 * the union of the removals, and keeps the tombstones for ever (nothing here knows when every version has seen them).
 */
public final class ConflictResolver {

    /** The user in front of the screen. */
    @FunctionalInterface
    public interface UserChoice {
        /** Which of {@code values} (two or more) field {@code field} should keep. */
        String choose(String field, SortedSet<String> values);

        /** The user typed {@code edit} on one of their devices; a user who remembers what they typed may use it. */
        default void typed(Profile.Edit edit) {}
    }

    /**
     * The merged profile, and what resolving it cost.
     *
     * @param profile the profile the application shows and writes back
     * @param conflict whether the read returned more than one version
     * @param prompts fields the user had to choose for
     * @param discarded values the user chose against
     */
    public record Resolution(Profile profile, boolean conflict, int prompts, List<String> discarded) {
        public Resolution {
            discarded = List.copyOf(discarded);
        }
    }

    /** How the application merges the list field of several versions. */
    public enum ListMerge {
        /** Every entry any version holds: removals made in one version come back from another. */
        UNION,
        /** Every entry any version holds, minus every entry any version removed (tombstones, kept for ever). */
        UNION_MINUS_TOMBSTONES
    }

    private final UserChoice user;
    private final ListMerge listMerge;

    public ConflictResolver(UserChoice user, ListMerge listMerge) {
        this.user = Objects.requireNonNull(user, "user");
        this.listMerge = Objects.requireNonNull(listMerge, "listMerge");
    }

    /** A resolver that merges the list field by union, keeping no tombstones. */
    public ConflictResolver(UserChoice user) {
        this(user, ListMerge.UNION);
    }

    public Resolution resolve(Candidates candidates) {
        TreeMap<String, String> scalars = new TreeMap<>();
        List<String> discarded = new ArrayList<>();
        int prompts = 0;
        for (var field : candidates.scalarValues().entrySet()) {
            SortedSet<String> values = field.getValue();
            String kept = values.size() == 1 ? values.first() : user.choose(field.getKey(), values);
            if (!values.contains(kept)) {
                throw new IllegalStateException("the user chose '" + kept + "', which is not among " + values);
            }
            if (values.size() > 1) {
                prompts++;
                values.stream()
                        .filter(v -> !v.equals(kept) && !v.equals(Profile.UNSET))
                        .forEach(discarded::add);
            }
            scalars.put(field.getKey(), kept);
        }
        Profile merged =
                switch (listMerge) {
                    case UNION -> new Profile(scalars, candidates.interests());
                    case UNION_MINUS_TOMBSTONES -> {
                        TreeSet<String> interests = new TreeSet<>(candidates.interests());
                        interests.removeAll(candidates.removed());
                        yield new Profile(scalars, interests, candidates.removed());
                    }
                };
        return new Resolution(merged, candidates.conflicting(), prompts, discarded);
    }
}
