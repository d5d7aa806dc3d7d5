package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Disk;
import sdlab.core.NodeId;

/**
 * What Raft keeps on disk: the current term, the vote in it and the log (Raft figure 2's
 * "persistent state on all servers"), and the latest snapshot (§7). Every change is appended to
 * the current log file at once and becomes a promise only through the {@link SyncBarrier}:
 * replies that depend on it wait for the sync.
 *
 * <p>Files: {@code raft-snapshot}, replaced whole by each snapshot (an atomic write), and the
 * log in generations {@code raft-log}, {@code raft-log-1}, {@code raft-log-2}, ... Compaction
 * goes in three steps, each only after the one before is durable:
 *
 * <ol>
 *   <li>the snapshot is written, and a {@code Base} record appended to the current log file
 *       (the in-memory log drops the entries the snapshot covers at once; an installed snapshot
 *       that the log does not lead to drops the whole log);
 *   <li>once it is synced, the next generation is written whole, in one write: a {@code Base}
 *       record (the snapshot's last index and term), the vote, and the entries after the
 *       snapshot; later records go to it;
 *   <li>once that is synced, the previous generation is deleted.
 * </ol>
 *
 * <p>Recovery reads the snapshot, then replays every log generation in order. A {@code Base}
 * record compacts the log there as it was compacted in memory (Raft §7: the entries after it
 * stay only if the log holds the snapshot's last entry). A {@code Base} whose snapshot is not on
 * disk, and a torn or damaged frame, end the valid records: what follows was never synced (the
 * snapshot and the record were written in the same event, before the same sync). The invalid
 * tail of the last generation is cut off, so that later appends follow valid records. A crash
 * at any point of a compaction therefore recovers the same log: before step 2 is durable the
 * old generation has everything; after it, the new one does.
 */
final class PersistentState {
    static final String FILE = "raft-log";
    static final String SNAPSHOT_FILE = "raft-snapshot";

    private final Disk disk;
    private final SyncBarrier barrier = new SyncBarrier();
    private final RaftLog log;
    private Snapshot snapshot;
    private long generation;
    private long term;
    private NodeId votedFor;

    private PersistentState(Disk disk, List<NodeId> bootstrapMembers) {
        this.disk = disk;
        this.log = new RaftLog(bootstrapMembers);
    }

    /** The name of log generation {@code generation}. */
    static String logFile(long generation) {
        return generation == 0 ? FILE : FILE + "-" + generation;
    }

    /** {@link #recover(Disk, List, List)} of a node that knows no configuration before it is contacted. */
    static PersistentState recover(Disk disk, List<String> notes) {
        return recover(disk, List.of(), notes);
    }

    /**
     * Rebuilds the state from {@code disk}; an empty disk gives term 0, no snapshot and an empty
     * log whose configuration is {@code bootstrapMembers}. The configuration on disk (the
     * snapshot's, a Base record's, the latest change in the log) overrides the bootstrap one.
     */
    static PersistentState recover(Disk disk, List<NodeId> bootstrapMembers, List<String> notes) {
        PersistentState state = new PersistentState(disk, bootstrapMembers);
        Optional<byte[]> snapshotBytes = disk.read(SNAPSHOT_FILE);
        state.snapshot = snapshotBytes.flatMap(LogCodec::decodeSnapshot).orElse(null);
        if (snapshotBytes.isPresent() && state.snapshot == null) {
            notes.add("ignored a damaged snapshot file");
        }
        List<Long> generations = generations(disk);
        boolean superseding = false;
        for (int i = 0; i < generations.size(); i++) {
            superseding = state.replay(generations.get(i), i == generations.size() - 1, notes);
        }
        if (!generations.isEmpty()) {
            state.generation = generations.getLast();
        }
        if (superseding) {
            generations.subList(0, generations.size() - 1).forEach(old -> disk.delete(logFile(old)));
        }
        state.layUnderSnapshot();
        if (!generations.isEmpty() || state.snapshot != null) {
            notes.add("recovered term " + state.term + ", vote " + state.votedFor + ", " + state.log);
        }
        return state;
    }

    private static List<Long> generations(Disk disk) {
        List<Long> generations = new ArrayList<>();
        for (String file : disk.files()) {
            if (file.equals(FILE)) {
                generations.add(0L);
            } else if (file.startsWith(FILE + "-")) {
                try {
                    generations.add(Long.parseLong(file.substring(FILE.length() + 1)));
                } catch (NumberFormatException notOurs) {
                    // not a log generation: leave it alone
                }
            }
        }
        generations.sort(null);
        return generations;
    }

    /** Replays one generation; returns whether it starts with a Base record (it supersedes the ones before). */
    private boolean replay(long number, boolean last, List<String> notes) {
        String file = logFile(number);
        byte[] bytes = disk.read(file).orElse(new byte[0]);
        LogCodec.Decoded decoded = LogCodec.decode(bytes);
        int validBytes = decoded.validBytes();
        for (int i = 0; i < decoded.records().size(); i++) {
            if (!replay(decoded.records().get(i), file)) {
                // A snapshot's Base whose snapshot did not reach the disk: it and everything after it were never
                // synced.
                validBytes = i == 0 ? 0 : decoded.ends().get(i - 1);
                break;
            }
        }
        if (validBytes < bytes.length) {
            notes.add("dropped a torn tail (or one never synced) of " + (bytes.length - validBytes) + " bytes from "
                    + file);
            if (last) {
                disk.write(file, Arrays.copyOf(bytes, validBytes));
                barrier.wrote();
            }
        }
        return !decoded.records().isEmpty() && decoded.records().getFirst() instanceof LogRecord.Base;
    }

    /** Replays one record; false if it is a Base that the snapshot on disk does not cover. */
    private boolean replay(LogRecord record, String file) {
        switch (record) {
            case LogRecord.Vote vote -> {
                term = vote.term();
                votedFor = vote.votedFor();
            }
            case LogRecord.Base base -> {
                if (snapshot == null || snapshot.lastIndex() < base.index()) {
                    return false;
                }
                if (base.index() >= log.snapshotIndex()) {
                    log.compactTo(base.index(), base.term(), base.members());
                }
            }
            case LogRecord.Entry entry -> {
                if (entry.index() <= log.snapshotIndex() || entry.index() > log.lastIndex() + 1) {
                    throw new IllegalStateException(file + " skips to entry " + entry.index() + " in a " + log);
                }
                log.truncateFrom(entry.index());
                log.append(entry.entry());
            }
        }
        return true;
    }

    private void layUnderSnapshot() {
        long covered = snapshot == null ? 0 : snapshot.lastIndex();
        if (log.snapshotIndex() > covered) {
            throw new IllegalStateException(
                    "the " + log + " starts after a snapshot, but the snapshot on disk covers " + covered + " entries");
        }
        if (snapshot != null && covered > log.snapshotIndex()) {
            log.compactTo(snapshot.lastIndex(), snapshot.lastTerm(), snapshot.members());
        }
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

    /** The latest snapshot (it covers the log up to {@link RaftLog#snapshotIndex}), if any. */
    Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
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

    /**
     * Step 1 of a compaction (see the class comment): writes {@code newSnapshot} and drops the
     * entries it covers (all of them if the log does not hold its last entry). Step 2 follows
     * by itself once the snapshot is synced.
     */
    void saveSnapshot(Snapshot newSnapshot) {
        assert newSnapshot.lastIndex() > log.snapshotIndex() : "snapshot " + newSnapshot.lastIndex() + " over " + log;
        disk.write(SNAPSHOT_FILE, LogCodec.encodeSnapshot(newSnapshot));
        snapshot = newSnapshot;
        log.compactTo(newSnapshot.lastIndex(), newSnapshot.lastTerm(), newSnapshot.members());
        // Where the log file's records start to depend on the snapshot (an installed one may drop the whole log).
        write(new LogRecord.Base(newSnapshot.lastIndex(), newSnapshot.lastTerm(), newSnapshot.members()));
        barrier.afterDurable(new SyncBarrier.SnapshotDurable(newSnapshot.lastIndex()));
    }

    /**
     * Step 2: the snapshot up to {@code index} is durable, so the next log generation may start
     * after it; unless a later snapshot was saved meanwhile (its own step 2 will come).
     */
    void onSnapshotDurable(long index) {
        if (log.snapshotIndex() != index) {
            return;
        }
        String previous = logFile(generation);
        generation++;
        List<byte[]> frames = new ArrayList<>();
        frames.add(LogCodec.encode(
                new LogRecord.Base(log.snapshotIndex(), log.snapshotTerm(), log.membersAt(log.snapshotIndex()))));
        frames.add(LogCodec.encode(new LogRecord.Vote(term, votedFor)));
        for (long i = log.snapshotIndex() + 1; i <= log.lastIndex(); i++) {
            frames.add(LogCodec.encode(new LogRecord.Entry(i, log.entry(i))));
        }
        int length = frames.stream().mapToInt(frame -> frame.length).sum();
        byte[] content = new byte[length];
        int at = 0;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, content, at, frame.length);
            at += frame.length;
        }
        disk.write(logFile(generation), content);
        barrier.wrote();
        barrier.afterDurable(new SyncBarrier.DeleteFile(previous));
    }

    private void write(LogRecord record) {
        disk.append(logFile(generation), LogCodec.encode(record));
        barrier.wrote();
    }
}
