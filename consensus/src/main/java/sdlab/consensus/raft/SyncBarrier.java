package sdlab.consensus.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import sdlab.consensus.raft.RaftMessages.RaftMessage;
import sdlab.core.Disk;
import sdlab.core.NodeId;

/**
 * What a node may do only once everything it has written so far is durable: grant a vote,
 * acknowledge appended entries, count its own entries or its own vote. Volatile on purpose: a
 * crash forgets these promises along with the unsynced writes.
 *
 * <p>Writes mark the barrier dirty; {@link #flush} issues one sync for all of an event's writes
 * and hangs the waiting actions on it. An action that waits while nothing new was written rides
 * on the last sync in flight (syncs complete in order and each covers every earlier write), or
 * runs at once if none is.
 */
final class SyncBarrier {
    /** The most syncs one node keeps in flight; more means a runaway writer. */
    static final int SYNCS_IN_FLIGHT_MAX = 100_000;

    /** One action deferred until the writes before it are durable. */
    sealed interface Deferred permits Send, LeaderDurable, CandidateDurable, SnapshotDurable, DeleteFile {}

    /** Send {@code message} to {@code to}: a granted vote, a successful AppendReply. */
    record Send(NodeId to, RaftMessage message) implements Deferred {}

    /** The leader of {@code term} has its own log durable up to {@code index}. */
    record LeaderDurable(long term, long index) implements Deferred {}

    /** The candidate's vote for itself in {@code term} is durable: it may count it and ask for votes. */
    record CandidateDurable(long term) implements Deferred {}

    /** The snapshot up to {@code index} is durable: the log may move to a new file generation after it. */
    record SnapshotDurable(long index) implements Deferred {}

    /** A log generation that a durable newer one supersedes: delete it. */
    record DeleteFile(String file) implements Deferred {}

    private record Batch(long syncId, List<Deferred> actions) {}

    private final ArrayDeque<Batch> inFlight = new ArrayDeque<>();
    private List<Deferred> waiting = new ArrayList<>();
    private boolean dirty;

    /** Something was written since the last sync was issued. */
    void wrote() {
        dirty = true;
    }

    /** Runs {@code action} (from {@link #flush} or {@link #synced}) once every write so far is durable. */
    void afterDurable(Deferred action) {
        waiting.add(action);
    }

    /** Issues a sync if anything was written; returns the actions that may run now. */
    List<Deferred> flush(Disk disk) {
        if (dirty) {
            if (inFlight.size() >= SYNCS_IN_FLIGHT_MAX) {
                throw new IllegalStateException("more than " + SYNCS_IN_FLIGHT_MAX + " syncs in flight");
            }
            inFlight.addLast(new Batch(disk.sync(), waiting));
            waiting = new ArrayList<>();
            dirty = false;
            return List.of();
        }
        if (waiting.isEmpty()) {
            return List.of();
        }
        if (!inFlight.isEmpty()) {
            inFlight.peekLast().actions().addAll(waiting);
            waiting = new ArrayList<>();
            return List.of();
        }
        List<Deferred> now = waiting;
        waiting = new ArrayList<>();
        return now;
    }

    /** Sync {@code syncId} completed: the actions of it and of every earlier sync may run. */
    List<Deferred> synced(long syncId) {
        List<Deferred> ready = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().syncId() <= syncId) {
            ready.addAll(inFlight.removeFirst().actions());
        }
        return ready;
    }
}
