package sdlab.repl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a node's readers see: the key-value map after applying the log up to {@link #appliedPosition()}. On a
 * replica that is what its applier has done; on the primary, the commits made visible so far.
 */
final class KvState {
    private final Map<String, String> values = new HashMap<>();
    /**
     * When each key was last written or deleted, by the primary's clock (a snapshot's keys take its time): what
     * last-writer-wins compares when two primaries' states are merged ({@link ActiveActiveNode}).
     */
    private final Map<String, Long> changedAtNanos = new HashMap<>();

    private long appliedPosition;
    private long appliedCommitNanos;
    /** The snapshot or base backup the state was loaded from, if any: where {@link #resetTo} starts again. */
    private List<ReplMessages.KeyValue> basePairs = List.of();

    private long basePosition;
    private long baseCommitNanos;

    /** Applies the next entry; entries come in order, without gaps. */
    void apply(Entry entry) {
        if (entry.position() != appliedPosition + 1) {
            throw new IllegalStateException(
                    "applying entry " + entry.position() + " after " + appliedPosition + " would skip or repeat one");
        }
        if (entry.value().equals(Entry.DELETED)) {
            values.remove(entry.key());
        } else {
            values.put(entry.key(), entry.value());
        }
        changedAtNanos.put(entry.key(), entry.commitNanos());
        appliedPosition = entry.position();
        appliedCommitNanos = entry.commitNanos();
    }

    /** Applies every entry of {@code log} after the last applied, up to {@code position}. */
    void applyUpTo(ReplLog log, long position) {
        long end = Math.min(position, log.lastPosition());
        while (appliedPosition < end) {
            apply(log.entry(appliedPosition + 1));
        }
    }

    /**
     * Forgets everything since the base (the loaded snapshot, or nothing) and applies {@code log} again up to
     * {@code position}: after the log was truncated. A log that starts after a snapshot cannot go back below it.
     */
    void resetTo(ReplLog log, long position) {
        restoreBase();
        applyUpTo(log, position);
    }

    /** The value of {@code key}, or null if it was never written. */
    String value(String key) {
        return values.get(key);
    }

    /** When {@code key} was last written or deleted, by its primary's clock, or -1 if never. */
    long changedAtNanos(String key) {
        return changedAtNanos.getOrDefault(key, -1L);
    }

    long appliedPosition() {
        return appliedPosition;
    }

    /** The primary's commit time of the last applied entry (0 before any). */
    long appliedCommitNanos() {
        return appliedCommitNanos;
    }

    /** Replaces everything with a snapshot's pairs, as of {@code position}, committed at {@code commitNanos}. */
    void load(List<ReplMessages.KeyValue> pairs, long position, long commitNanos) {
        basePairs = List.copyOf(pairs);
        basePosition = position;
        baseCommitNanos = commitNanos;
        restoreBase();
    }

    private void restoreBase() {
        values.clear();
        changedAtNanos.clear();
        basePairs.forEach(pair -> {
            values.put(pair.key(), pair.value());
            changedAtNanos.put(pair.key(), baseCommitNanos);
        });
        appliedPosition = basePosition;
        appliedCommitNanos = baseCommitNanos;
    }

    /** Every key and its value, ordered by key: what a snapshot carries. */
    List<ReplMessages.KeyValue> pairs() {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(each -> new ReplMessages.KeyValue(each.getKey(), each.getValue()))
                        .toList();
    }
}
