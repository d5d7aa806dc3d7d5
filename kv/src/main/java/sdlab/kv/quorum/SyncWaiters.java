package sdlab.kv.quorum;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
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
    record Batch(long syncId, long writeSequenceCovered, List<Deferred> actions) {}

    /**
     * Batches in the order their syncs were issued. Disks complete syncs in that order (a sync
     * is a barrier; the simulated disk guarantees it), so the one completing is nearly always at
     * the head and the search ends at once; it is cheaper than a map keyed by boxed sync ids.
     */
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();

    void add(long syncId, long writeSequenceCovered, List<Deferred> actions) {
        assert pending.stream().noneMatch(batch -> batch.syncId() == syncId) : "sync id " + syncId + " issued twice";
        pending.addLast(new Batch(syncId, writeSequenceCovered, List.copyOf(actions)));
    }

    /** The batch of a completed sync, or null if it was not ours (for example from a past life). */
    Batch complete(long syncId) {
        for (Iterator<Batch> batches = pending.iterator(); batches.hasNext(); ) {
            Batch batch = batches.next();
            if (batch.syncId() == syncId) {
                batches.remove();
                return batch;
            }
        }
        return null;
    }

    int pendingSyncs() {
        return pending.size();
    }
}
