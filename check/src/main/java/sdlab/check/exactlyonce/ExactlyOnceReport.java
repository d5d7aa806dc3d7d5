package sdlab.check.exactlyonce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;

/**
 * What {@link ExactlyOnce#check} found.
 *
 * @param verdict invalid if a run certainly happened twice or an expected run certainly never
 *     happened; unknown if only unknown outcomes leave it open; valid otherwise
 * @param runs the run operations that may have taken effect (ok or unknown)
 * @param duplicates ids that ran ok more than once, with the ids of those operations
 * @param possibleDuplicates ids that ran ok at most once but more than once counting unknown runs
 * @param missed expected ids with no ok and no unknown run
 * @param unconfirmed expected ids with no ok run but some unknown ones
 */
public record ExactlyOnceReport(
        Verdict verdict,
        int runs,
        Map<Object, List<Integer>> duplicates,
        List<Object> possibleDuplicates,
        List<Object> missed,
        List<Object> unconfirmed) {

    public ExactlyOnceReport {
        // Ids may be anything a history holds, nil included, so copy without List.copyOf's null ban.
        duplicates = Collections.unmodifiableMap(new LinkedHashMap<>(duplicates));
        possibleDuplicates = Collections.unmodifiableList(new ArrayList<>(possibleDuplicates));
        missed = Collections.unmodifiableList(new ArrayList<>(missed));
        unconfirmed = Collections.unmodifiableList(new ArrayList<>(unconfirmed));
    }
}
