package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The replicated log in memory, indexed from 1 (index 0 is the empty prefix, of term 0). It only
 * ever loses a suffix (a follower's conflicting entries) and grows at the end.
 *
 * <p>Every entry also keeps the number of appends this log had seen when it was appended. Those
 * stamps grow strictly along the log, so an observer that remembers the last stamp it looked
 * at finds everything appended since as a suffix: the invariants check each entry once, not the
 * whole log after every event.
 */
final class RaftLog {
    private final List<LogEntry> entries = new ArrayList<>();
    private long[] stamps = new long[64];
    private long appends;

    long lastIndex() {
        return entries.size();
    }

    long lastTerm() {
        return termAt(lastIndex());
    }

    /** The term of the entry at {@code index}; 0 for index 0. */
    long termAt(long index) {
        return index == 0 ? 0 : entry(index).term();
    }

    LogEntry entry(long index) {
        if (index < 1 || index > entries.size()) {
            throw new IndexOutOfBoundsException("no log entry " + index + " in a log of " + entries.size());
        }
        return entries.get((int) index - 1);
    }

    /** The append stamp of the entry at {@code index} (see the class comment). */
    long stampAt(long index) {
        return stamps[(int) index - 1];
    }

    void append(LogEntry entry) {
        if (entries.size() == stamps.length) {
            stamps = Arrays.copyOf(stamps, stamps.length * 2);
        }
        stamps[entries.size()] = ++appends;
        entries.add(entry);
    }

    /** Drops the entries from {@code index} on. */
    void truncateFrom(long index) {
        assert index >= 1 && index <= lastIndex() + 1 : "truncate at " + index + " of " + lastIndex();
        entries.subList((int) index - 1, entries.size()).clear();
    }

    /** Up to {@code max} entries from {@code from} on (an immutable copy). */
    List<LogEntry> slice(long from, int max) {
        if (from > lastIndex()) {
            return List.of();
        }
        int start = (int) from - 1;
        return List.copyOf(entries.subList(start, (int) Math.min(entries.size(), (long) start + max)));
    }

    /** The first index holding the term of entry {@code index}: where a conflicting term starts. */
    long firstIndexOfTermAt(long index) {
        long term = termAt(index);
        long first = index;
        while (first > 1 && termAt(first - 1) == term) {
            first--;
        }
        return first;
    }

    /**
     * Whether a log ending at ({@code lastIndex}, {@code lastTerm}) is at least as up to date as
     * this one (Raft §5.4.1): a later last term, or the same last term and at least as long.
     */
    boolean isBehindOrEqualTo(long otherLastIndex, long otherLastTerm) {
        return otherLastTerm > lastTerm() || (otherLastTerm == lastTerm() && otherLastIndex >= lastIndex());
    }
}
