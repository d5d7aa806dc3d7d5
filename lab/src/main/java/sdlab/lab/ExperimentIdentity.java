package sdlab.lab;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who an experiment is, said once: the id typed on the command line, the chapter of the curriculum, the title and a
 * one- or two-sentence summary shown by {@code sdlab list} and atop reports.
 *
 * @param id lower-case words joined by hyphens, for example {@code quorum} or {@code redis-vs-memcached}
 * @param chapter the chapter's number in the curriculum, from 1
 * @param title for example "Dynamo-style quorums (N, R, W)"
 * @param summary what the experiment compares, in a sentence or two
 */
public record ExperimentIdentity(String id, int chapter, String title, String summary) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ExperimentIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "an experiment id is lower-case words joined by hyphens, not '" + id + "'");
        }
        if (chapter < 1) {
            throw new IllegalArgumentException("chapter " + chapter + " of " + id + " is not a chapter's number");
        }
        if (title.isBlank() || summary.isBlank()) {
            throw new IllegalArgumentException(id + " needs a title and a summary");
        }
    }
}
