package sdlab.consensus.raft;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sdlab.core.Disk;
import sdlab.core.NodeId;

/**
 * What Raft keeps on disk: the current term, the vote in it and the log (Raft figure 2's
 * "persistent state on all servers"). Every change is appended to one file at once and becomes
 * a promise only through the {@link SyncBarrier}: replies that depend on it wait for the sync.
 *
 * <p>Recovery replays the file and keeps the records before the first torn or damaged frame;
 * the damaged tail is cut off so that later appends follow valid records.
 *
 * <p>Snapshots and log compaction would live here: a snapshot file of the state machine up to
 * an index, and a new file generation starting after it (as the quorum store's StoreLog does).
 */
final class PersistentState {
    static final String FILE = "raft-log";

    private final Disk disk;
    private final RaftLog log = new RaftLog();
    private final SyncBarrier barrier = new SyncBarrier();
    private long term;
    private NodeId votedFor;

    private PersistentState(Disk disk) {
        this.disk = disk;
    }

    /** Rebuilds the state from {@code disk}; a disk without the file gives term 0 and an empty log. */
    static PersistentState recover(Disk disk, List<String> notes) {
        PersistentState state = new PersistentState(disk);
        byte[] bytes = disk.read(FILE).orElse(new byte[0]);
        LogCodec.Decoded decoded = LogCodec.decode(bytes);
        for (LogRecord record : decoded.records()) {
            switch (record) {
                case LogRecord.Vote vote -> {
                    state.term = vote.term();
                    state.votedFor = vote.votedFor();
                }
                case LogRecord.Entry entry -> {
                    if (entry.index() < 1 || entry.index() > state.log.lastIndex() + 1) {
                        throw new IllegalStateException("the Raft file skips to entry " + entry.index() + " after "
                                + state.log.lastIndex() + " entries");
                    }
                    state.log.truncateFrom(entry.index());
                    state.log.append(entry.entry());
                }
            }
        }
        if (decoded.validBytes() < bytes.length) {
            disk.write(FILE, Arrays.copyOf(bytes, decoded.validBytes()));
            state.barrier.wrote();
            notes.add("dropped a torn tail of " + (bytes.length - decoded.validBytes()) + " bytes");
        }
        if (bytes.length > 0) {
            notes.add("recovered term " + state.term + ", vote " + state.votedFor + ", " + state.log.lastIndex()
                    + " entries");
        }
        return state;
    }

    long term() {
        return term;
    }

    NodeId votedFor() {
        return votedFor;
    }

    RaftLog log() {
        return log;
    }

    SyncBarrier barrier() {
        return barrier;
    }

    Disk disk() {
        return disk;
    }

    /** Moves to {@code newTerm} with the vote in it given to {@code vote} (or nobody); written, not yet synced. */
    void setTermAndVote(long newTerm, NodeId vote) {
        assert newTerm >= term : "terms only grow: " + term + " -> " + newTerm;
        if (newTerm == term && Objects.equals(vote, votedFor)) {
            return;
        }
        assert newTerm > term || votedFor == null : "a vote in term " + term + " cannot change";
        term = newTerm;
        votedFor = vote;
        write(new LogRecord.Vote(term, votedFor));
    }

    /** Appends {@code entry} at the end of the log; written, not yet synced. */
    long append(LogEntry entry) {
        log.append(entry);
        write(new LogRecord.Entry(log.lastIndex(), entry));
        return log.lastIndex();
    }

    /** Replaces the log from {@code index} on with {@code entry}; written, not yet synced. */
    void replaceFrom(long index, LogEntry entry) {
        log.truncateFrom(index);
        append(entry);
    }

    private void write(LogRecord record) {
        disk.append(FILE, LogCodec.encode(record));
        barrier.wrote();
    }
}
