package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;

/**
 * What a replica may do only once a sync completes: acknowledge writes, delete compacted log
 * files. Volatile on purpose: a crash forgets the promises along with the unsynced writes.
 */
final class SyncWaiters {
    /** One action deferred until a sync completes. */
    sealed interface Deferred permits Reply, DeleteFile {}

    /** Send {@code message} to {@code to}. */
    record Reply(NodeId to, QuorumMessage message) implements Deferred {}

    /** Delete a log file that a synced newer generation replaces. */
    record DeleteFile(String file) implements Deferred {}

    /** The actions waiting on one sync, and the last write number that sync covers. */
    record Batch(long writeSequenceCovered, List<Deferred> actions) {}

    private final Map<Long, Batch> bySyncId = new TreeMap<>();

    void add(long syncId, long writeSequenceCovered, List<Deferred> actions) {
        Batch previous = bySyncId.put(syncId, new Batch(writeSequenceCovered, new ArrayList<>(actions)));
        assert previous == null : "sync id " + syncId + " issued twice";
    }

    /** The batch of a completed sync, or null if it was not ours (for example from a past life). */
    Batch complete(long syncId) {
        return bySyncId.remove(syncId);
    }

    int pendingSyncs() {
        return bySyncId.size();
    }
}
