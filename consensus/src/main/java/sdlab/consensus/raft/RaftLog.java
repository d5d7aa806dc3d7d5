package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * The replicated log in memory, indexed from 1. It may start after a snapshot: the entries up to
 * {@link #snapshotIndex} are then compacted away, and only the last one's term is kept, because
 * the entry after it is checked against it (index 0, the empty prefix, has term 0). The log
 * loses a suffix (a follower's conflicting entries) or a prefix (compaction), and grows at the
 * end.
 *
 * <p>Every entry also keeps the number of appends this log had seen when it was appended. Those
 * stamps grow strictly along the log, so an observer that remembers the last stamp it looked
 * at finds everything appended since as a suffix: the invariants check each entry once, not the
 * whole log after every event.
 *
 * <p>The log also tracks the configuration of voting members (Raft thesis §4.1): the latest
 * {@link Command.ChangeMembers} entry in it, committed or not, or, without one, the
 * configuration as of the snapshot index (the snapshot's, or the bootstrap configuration for a
 * log that starts at index 0). Truncating a suffix that held a change rolls the configuration
 * back to the one before it.
 */
final class RaftLog {
    private final List<LogEntry> entries = new ArrayList<>();
    private final TreeMap<Long, List<NodeId>> changes = new TreeMap<>();
    private long[] stamps = new long[64];
    private long appends;
    private long snapshotIndex;
    private long snapshotTerm;
    private List<NodeId> snapshotMembers;

    /** An empty log whose configuration is {@code bootstrapMembers} (empty: unknown, wait to be contacted). */
    RaftLog(List<NodeId> bootstrapMembers) {
        this.snapshotMembers = Members.normalise(bootstrapMembers);
    }

    /** The voting members now: those of the latest configuration in the log, committed or not. */
    List<NodeId> members() {
        return changes.isEmpty() ? snapshotMembers : changes.lastEntry().getValue();
    }

    /** The voting members as of entry {@code index} (from the snapshot index on). */
    List<NodeId> membersAt(long index) {
        assert index >= snapshotIndex : "members at " + index + " below the snapshot at " + snapshotIndex;
        Map.Entry<Long, List<NodeId>> change = changes.floorEntry(index);
        return change == null ? snapshotMembers : change.getValue();
    }

    /** The index of the entry that set the current configuration; the snapshot index if no entry after it did. */
    long membersIndex() {
        return changes.isEmpty() ? snapshotIndex : changes.lastKey();
    }

    /** How many configuration changes the log holds after {@code index}. */
    int changesAfter(long index) {
        return changes.tailMap(index, false).size();
    }

    /** The last index a snapshot covers (0 without one): entries up to it are gone. */
    long snapshotIndex() {
        return snapshotIndex;
    }

    /** The term of the entry at {@link #snapshotIndex} (0 without a snapshot). */
    long snapshotTerm() {
        return snapshotTerm;
    }

    long lastIndex() {
        return snapshotIndex + entries.size();
    }

    long lastTerm() {
        return termAt(lastIndex());
    }

    /** The term of the entry at {@code index}, from the snapshot index on (0 for index 0). */
    long termAt(long index) {
        return index == snapshotIndex ? snapshotTerm : entry(index).term();
    }

    LogEntry entry(long index) {
        if (index <= snapshotIndex || index > lastIndex()) {
            throw new IndexOutOfBoundsException(
                    "no log entry " + index + " in a log holding (" + snapshotIndex + ", " + lastIndex() + "]");
        }
        return entries.get(position(index));
    }

    /** The append stamp of the entry at {@code index} (see the class comment). */
    long stampAt(long index) {
        return stamps[position(index)];
    }

    void append(LogEntry entry) {
        if (entries.size() == stamps.length) {
            stamps = Arrays.copyOf(stamps, stamps.length * 2);
        }
        stamps[entries.size()] = ++appends;
        entries.add(entry);
        if (entry.command() instanceof Command.ChangeMembers change) {
            changes.put(lastIndex(), change.members());
        }
    }

    /** Drops the entries from {@code index} on. */
    void truncateFrom(long index) {
        assert index > snapshotIndex && index <= lastIndex() + 1 : "truncate at " + index + " of " + this;
        entries.subList(position(index), entries.size()).clear();
        changes.tailMap(index, true).clear();
    }

    /**
     * A snapshot now covers the log up to {@code index} of {@code term}, with {@code members} the
     * configuration as of it (Raft §7, thesis §4.1): if this log holds that very entry, the
     * entries after it stay; otherwise the whole log goes, since nothing in it is known to follow
     * the snapshot.
     */
    void compactTo(long index, long term, List<NodeId> members) {
        assert index >= snapshotIndex : "compact to " + index + " below the snapshot at " + snapshotIndex;
        boolean keepsSuffix = index <= lastIndex() && termAt(index) == term;
        int drop = keepsSuffix ? position(index + 1) : entries.size();
        entries.subList(0, drop).clear();
        System.arraycopy(stamps, drop, stamps, 0, entries.size());
        if (keepsSuffix) {
            changes.headMap(index, true).clear();
        } else {
            changes.clear();
        }
        snapshotIndex = index;
        snapshotTerm = term;
        snapshotMembers = Members.normalise(members);
    }

    /** Up to {@code max} entries from {@code from} (after the snapshot) on (an immutable copy). */
    List<LogEntry> slice(long from, int max) {
        if (from > lastIndex()) {
            return List.of();
        }
        int start = position(from);
        return List.copyOf(entries.subList(start, (int) Math.min(entries.size(), (long) start + max)));
    }

    /** The first index this log holds, of the term of entry {@code index}: where a conflicting term starts. */
    long firstIndexOfTermAt(long index) {
        long term = termAt(index);
        long first = index;
        while (first > snapshotIndex + 1 && termAt(first - 1) == term) {
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

    @Override
    public String toString() {
        return "log (" + snapshotIndex + " of term " + snapshotTerm + ", " + lastIndex() + "] of members " + members();
    }

    private int position(long index) {
        if (index <= snapshotIndex || index > lastIndex() + 1) {
            throw new IndexOutOfBoundsException("index " + index + " outside " + this);
        }
        return (int) (index - snapshotIndex - 1);
    }
}
