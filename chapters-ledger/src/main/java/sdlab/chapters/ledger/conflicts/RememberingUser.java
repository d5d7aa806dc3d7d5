package sdlab.chapters.ledger.conflicts;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import sdlab.ledger.profile.ConflictResolver;
import sdlab.ledger.profile.Profile;

/**
 * The person behind all of one user's devices, as the conflict-resolution screen meets them: they remember the order
 * in which they typed their edits, whichever device they used, and when shown several values for a field they pick
 * the one they typed last. This is the best case for a resolution screen (a human who knows what they meant); a run
 * counts how often the screen had to ask.
 */
final class RememberingUser implements ConflictResolver.UserChoice {
    private final Map<String, Long> typedOrder = new HashMap<>();
    private long typed;

    @Override
    public void typed(Profile.Edit edit) {
        typedOrder.put(edit.value(), ++typed);
    }

    @Override
    public String choose(String field, SortedSet<String> values) {
        String latest = values.first();
        for (String value : values) {
            if (typedOrder.getOrDefault(value, 0L) > typedOrder.getOrDefault(latest, 0L)) {
                latest = value;
            }
        }
        return latest;
    }
}
