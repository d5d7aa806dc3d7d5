package sdlab.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers of the seeds replayed last, so that opening one again (a reload, the back button, a link to another
 * step of it) is instant. A replay is deterministic, so a kept answer is the answer. Bounded by the characters kept:
 * a 10,000-operation seed is tens of megabytes of JSON, and the least recently opened answers go first.
 */
final class SeedCache {
    /** About 128 MiB of heap at most (a character is one or two bytes): one 10,000-operation seed and a few small ones. */
    static final long CHARS_MAX_DEFAULT = 64L * 1024 * 1024;

    private final long charsMax;
    private final LinkedHashMap<SeedRequest, String> answers = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    SeedCache(long charsMax) {
        this.charsMax = charsMax;
    }

    synchronized Optional<String> find(SeedRequest request) {
        return Optional.ofNullable(answers.get(request));
    }

    /** Keeps {@code answer}, dropping the least recently opened ones beyond the bound; one beyond it alone is not kept. */
    synchronized void keep(SeedRequest request, String answer) {
        if (answer.length() > charsMax) {
            return;
        }
        String previous = answers.put(request, answer);
        chars += answer.length() - (previous == null ? 0 : previous.length());
        for (Iterator<Map.Entry<SeedRequest, String>> eldest =
                        answers.entrySet().iterator();
                chars > charsMax && eldest.hasNext(); ) {
            chars -= eldest.next().getValue().length();
            eldest.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
