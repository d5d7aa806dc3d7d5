package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import sdlab.core.Disk;
import sdlab.core.NodeId;
import sdlab.kv.quorum.LogRecord.Hint;
import sdlab.kv.quorum.LogRecord.HintDone;
import sdlab.kv.quorum.LogRecord.Put;

/**
 * What one replica holds: its own copies of keys and the hints it keeps for other nodes, in
 * memory and in its {@link StoreLog}. Tracks which keys are synced, so that a read reply can
 * say whether the version it reports could still vanish in a crash.
 */
final class ReplicaStore {
    /** Hints kept at most; a sloppy write beyond this is refused (not acknowledged). */
    static final int HINTS_MAX = 10_000;
    /** Compaction waits for at least this many records in the current log generation. */
    static final long COMPACTION_RECORDS_MIN = 1024;

    private final SortedMap<String, Versioned> data = new TreeMap<>();
    private final SortedMap<NodeId, SortedMap<String, Versioned>> hints = new TreeMap<>();
    private final Map<String, Long> writeSequenceByKey = new HashMap<>();
    private final StoreLog log;
    private long writeSequence;
    private long durableSequence;
    private int hintCount;

    private final boolean recoveredFromLog;

    private ReplicaStore(StoreLog log, boolean recoveredFromLog) {
        this.log = log;
        this.recoveredFromLog = recoveredFromLog;
    }

    /** Rebuilds the store from whatever log files survive on {@code disk}. */
    static ReplicaStore recover(Disk disk) {
        StoreLog.Recovered recovered = StoreLog.read(disk);
        ReplicaStore store = new ReplicaStore(
                StoreLog.after(recovered.generationMax()), !recovered.files().isEmpty());
        Map<NodeId, Map<String, Version>> delivered = new HashMap<>();
        for (LogRecord record : recovered.records()) {
            switch (record) {
                case Put put -> store.data.merge(put.key(), put.item(), Versioned::newer);
                case Hint hint -> store.hintsOf(hint.owner()).merge(hint.key(), hint.item(), Versioned::newer);
                case HintDone done ->
                    delivered
                            .computeIfAbsent(done.owner(), owner -> new HashMap<>())
                            .merge(done.key(), done.version(), (a, b) -> a.isNewerThan(b) ? a : b);
            }
        }
        delivered.forEach((owner, keys) -> keys.forEach((key, version) -> store.dropHintUpTo(owner, key, version)));
        store.hints.values().removeIf(Map::isEmpty);
        store.hintCount = store.hints.values().stream().mapToInt(Map::size).sum();
        return store;
    }

    /** Whether recovery found log files, which then deserve a fresh compacted generation. */
    boolean recoveredFromLog() {
        return recoveredFromLog;
    }

    /** The newest copy of {@code key} here, whether kept as the owner or as a hint. */
    Optional<Versioned> read(String key) {
        Optional<Versioned> newest = Optional.ofNullable(data.get(key));
        for (SortedMap<String, Versioned> owned : hints.values()) {
            newest = Versioned.newest(newest, Optional.ofNullable(owned.get(key)));
        }
        return newest;
    }

    /** Keeps {@code item} if it is newer than this replica's copy; logs it (unsynced). */
    void put(Disk disk, String key, Versioned item) {
        if (Versioned.supersedes(item, Optional.ofNullable(data.get(key)))) {
            data.put(key, item);
            log.append(disk, new Put(key, item));
            touched(key);
        }
    }

    boolean hasRoomForHint() {
        return hintCount < HINTS_MAX;
    }

    /** Keeps {@code item} for {@code owner} if it is newer than the hint already kept. */
    void putHint(Disk disk, NodeId owner, String key, Versioned item) {
        SortedMap<String, Versioned> owned = hintsOf(owner);
        Versioned current = owned.get(key);
        if (Versioned.supersedes(item, Optional.ofNullable(current))) {
            assert current != null || hasRoomForHint() : "hint store is full";
            hintCount += current == null ? 1 : 0;
            owned.put(key, item);
            log.append(disk, new Hint(owner, key, item));
            touched(key);
        }
    }

    /** The owner has {@code version} of {@code key}: forget the hint unless a newer one arrived. */
    void hintDelivered(Disk disk, NodeId owner, String key, Version version) {
        if (dropHintUpTo(owner, key, version)) {
            hintCount--;
            hints.values().removeIf(Map::isEmpty);
            log.append(disk, new HintDone(owner, key, version));
        }
    }

    /** Up to {@code perOwnerMax} hints per owner, owners and keys in name order. */
    List<Hint> hintsToHandOff(int perOwnerMax) {
        List<Hint> batch = new ArrayList<>();
        hints.forEach((owner, owned) -> owned.entrySet().stream()
                .limit(perOwnerMax)
                .forEach(entry -> batch.add(new Hint(owner, entry.getKey(), entry.getValue()))));
        return batch;
    }

    int hintCount() {
        return hintCount;
    }

    /** Every write logged so far is numbered; a sync issued now covers up to this number. */
    long writeSequence() {
        return writeSequence;
    }

    /** A sync that covered writes up to {@code sequence} completed. */
    void durableUpTo(long sequence) {
        durableSequence = Math.max(durableSequence, sequence);
    }

    /** Whether every logged change to {@code key} is synced. */
    boolean isDurable(String key) {
        return writeSequenceByKey.getOrDefault(key, 0L) <= durableSequence;
    }

    /** Whether the current log generation has grown well past the live state. */
    boolean compactionDue() {
        long live = data.size() + hintCount;
        return log.recordsInGeneration() >= Math.max(COMPACTION_RECORDS_MIN, 4 * live);
    }

    /** Writes the live state as a new log generation; returns the files to delete after a sync. */
    List<String> compact(Disk disk) {
        List<LogRecord> snapshot = new ArrayList<>();
        data.forEach((key, item) -> snapshot.add(new Put(key, item)));
        hints.forEach((owner, owned) -> owned.forEach((key, item) -> snapshot.add(new Hint(owner, key, item))));
        // Durability is unchanged: until the snapshot is synced, the older files (deleted only
        // after that sync) still hold every synced version.
        return log.rewrite(disk, snapshot);
    }

    private boolean dropHintUpTo(NodeId owner, String key, Version version) {
        SortedMap<String, Versioned> owned = hints.get(owner);
        Versioned kept = owned == null ? null : owned.get(key);
        if (kept == null || kept.version().isNewerThan(version)) {
            return false;
        }
        owned.remove(key);
        return true;
    }

    private SortedMap<String, Versioned> hintsOf(NodeId owner) {
        return hints.computeIfAbsent(owner, o -> new TreeMap<>());
    }

    private void touched(String key) {
        writeSequence++;
        writeSequenceByKey.put(key, writeSequence);
    }
}
