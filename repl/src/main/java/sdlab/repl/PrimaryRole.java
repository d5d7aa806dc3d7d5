package sdlab.repl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.repl.ReplConfig.Mode;
import sdlab.repl.ReplMessages.Progress;
import sdlab.repl.ReplMessages.Ship;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteOk;
import sdlab.repl.ReplMessages.WriteRefused;
import sdlab.repl.ReplMessages.WriteUnknown;
import sdlab.repl.ReplObserver.CommitAck;
import sdlab.repl.ReplTimers.CommitTimeout;
import sdlab.repl.ReplTimers.Heartbeat;
import sdlab.repl.ReplTimers.LeaseLapse;
import sdlab.repl.ReplTimers.LeaseRenew;

/**
 * The primary: appends each write to its log, syncs it, ships it to every replica, and acknowledges it when the
 * mode says.
 *
 * <p>Commits are acknowledged in log order. Once its own sync covers a commit: asynchronous mode acknowledges it;
 * semi-sync waits until {@code acksRequired} replicas report it flushed to their relay logs, or until the timeout,
 * which switches semi-sync off for every waiting and later commit until a replica has caught up with the log
 * (MySQL's behaviour); synchronous mode waits for replicas at the configured level for as long as it takes
 * (PostgreSQL's). A commit becomes visible to readers on the primary when its own sync covers it under async,
 * AFTER_COMMIT and a semi-sync that is off, and only when it is acknowledged otherwise.
 *
 * <p>Shipping is a window per replica, sent after the primary's own sync: at most {@link #WINDOW_BATCHES}
 * shipments beyond what the replica confirmed; a replica that confirms nothing new between two heartbeats is
 * shipped again from what it has.
 */
final class PrimaryRole implements Role {
    private static final int WINDOW_BATCHES = 4;

    private final ReplConfig config;
    private final NodeId self;
    private final ReplLog log;
    private final KvState state;
    private final ReplObserver observer;
    private final Map<NodeId, ReplicaCursor> cursors = new TreeMap<>();
    private final ArrayDeque<PendingCommit> pending = new ArrayDeque<>();
    private final LeaseKeeper lease;
    /** The log's last position when this node became primary: positions after it are this primary's own. */
    private final long epochStartPosition;

    private SemiSyncStatus semiSync = SemiSyncStatus.start();
    private long timeoutArmedForPosition = -1;

    PrimaryRole(ReplConfig config, NodeId self, ReplLog log, KvState state, ReplObserver observer, LeaseKeeper lease) {
        this.config = config;
        this.lease = lease;
        this.epochStartPosition = log.lastPosition();
        this.self = self;
        this.log = log;
        this.state = state;
        this.observer = observer;
        for (NodeId replica : config.replicas()) {
            cursors.put(replica, new ReplicaCursor());
        }
    }

    @Override
    public void start(NodeContext ctx) {
        // Everything in the log when a node becomes primary (recovered, or received as a replica) is committed.
        state.applyUpTo(log, log.lastPosition());
        log.syncSoon(ctx.disk(), ctx.nowNanos());
        lease.start(ctx);
        onHeartbeat(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Write write -> onWrite(from, write, ctx);
            case Progress progress -> onProgress(from, progress, ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(Timer timer, NodeContext ctx) {
        switch (timer) {
            case Heartbeat beat -> onHeartbeat(ctx);
            case CommitTimeout timeout -> onCommitTimeout(timeout, ctx);
            case LeaseRenew renew -> lease.onRenew(ctx);
            case LeaseLapse lapse -> lease.onLapse(ctx);
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        if (log.onSynced(syncId, ctx.disk(), ctx.nowNanos()) < 0) {
            return;
        }
        for (PendingCommit commit : pending) {
            if (commit.position > log.durablePosition()) {
                break;
            }
            if (commit.waitSinceNanos < 0) {
                commit.waitSinceNanos = ctx.nowNanos();
            }
        }
        cursors.forEach((replica, cursor) -> ship(replica, cursor, false, ctx));
        advance(ctx);
    }

    /**
     * Adds {@code replica}, which is loading a snapshot: it gets heartbeats until it first reports, and entries from
     * the position it reports then. Returns whether it was not one of this primary's replicas before.
     */
    boolean addReplica(NodeId replica) {
        return cursors.putIfAbsent(replica, new ReplicaCursor()) == null;
    }

    /** Every replica this primary ships to, those it started with and those added since. */
    List<NodeId> replicas() {
        return List.copyOf(cursors.keySet());
    }

    /**
     * This node stops being primary: every commit still waiting is answered "outcome unknown" instead of being left
     * to its client's timeout. Unknown, not refused, since the entry is in this node's log and may already be in a
     * replica's, one that may be the next primary.
     */
    void abandonPending(String reason, NodeId primaryHint, NodeContext ctx) {
        for (PendingCommit commit : pending) {
            ctx.send(commit.client, new WriteUnknown(commit.requestId, reason, primaryHint));
        }
        if (!pending.isEmpty()) {
            ctx.note(pending.size() + " waiting commits answered outcome unknown: " + reason);
        }
        pending.clear();
    }

    SemiSyncStatus semiSync() {
        return semiSync;
    }

    LeaseKeeper lease() {
        return lease;
    }

    List<ReplicaPosition> replicaPositions() {
        return cursors.entrySet().stream()
                .map(each -> each.getValue().snapshot(each.getKey()))
                .toList();
    }

    private void onWrite(NodeId client, Write write, NodeContext ctx) {
        if (!lease.writable()) {
            // Certainly not applied: the client may try again, here or at the primary it learns of.
            ctx.send(client, new WriteRefused(write.requestId(), "no lease: not taking writes", null));
            return;
        }
        onWritable(client, write, ctx);
    }

    private void onWritable(NodeId client, Write write, NodeContext ctx) {
        if (pending.size() >= config.pendingCommitsMax()) {
            ctx.send(client, new WriteRefused(write.requestId(), "too many commits waiting", self));
            return;
        }
        Entry entry = log.appendNew(write.key(), write.value(), ctx.nowNanos(), ctx.disk());
        pending.addLast(new PendingCommit(entry.position(), client, write.requestId()));
        log.syncSoon(ctx.disk(), ctx.nowNanos());
    }

    private void onProgress(NodeId replica, Progress progress, NodeContext ctx) {
        ReplicaCursor cursor = cursors.get(replica);
        if (cursor == null) {
            return; // not one of this primary's replicas
        }
        if (progress.receivedPosition() > log.lastPosition()) {
            // The replica holds entries this primary never wrote (it was promoted while that replica was ahead): its
            // positions mean other entries, so it must neither count as an acknowledgement nor be shipped to.
            ctx.note(replica + " is ahead of this primary's log (" + progress.receivedPosition() + " > "
                    + log.lastPosition() + "): ignored");
            return;
        }
        cursor.onProgress(progress);
        if (progress.echoSentAtNanos() > 0) {
            observer.roundTrip(self, replica, ctx.nowNanos() - progress.echoSentAtNanos());
        }
        if (config.mode() == Mode.SEMI_SYNC && !semiSync.on() && cursor.flushed() >= log.durablePosition()) {
            // MySQL switches semi-sync back on once a replica has caught up with the primary's log.
            semiSync = semiSync.switchedOn();
            observer.semiSyncSwitched(self, true, ctx.nowNanos());
            ctx.note("semi-sync back on: " + replica + " caught up at " + cursor.flushed());
        }
        ship(replica, cursor, false, ctx);
        advance(ctx);
    }

    private void onHeartbeat(NodeContext ctx) {
        cursors.forEach((replica, cursor) -> {
            cursor.onTick();
            ship(replica, cursor, true, ctx);
        });
        ctx.setTimer(Duration.ofNanos(config.heartbeatNanos()), new Heartbeat());
    }

    private void onCommitTimeout(CommitTimeout timeout, NodeContext ctx) {
        PendingCommit head = pending.peekFirst();
        if (config.mode() != Mode.SEMI_SYNC || !semiSync.on() || head == null || head.position != timeout.position()) {
            return;
        }
        semiSync = semiSync.switchedOff();
        observer.semiSyncSwitched(self, false, ctx.nowNanos());
        ctx.note("semi-sync off: commit " + head.position + " waited " + config.timeoutNanosSemiSync() / 1_000_000
                + " ms");
        advance(ctx);
    }

    /** Sends what the replica lacks, within its window; a heartbeat if asked and there is nothing to send. */
    private void ship(NodeId replica, ReplicaCursor cursor, boolean heartbeat, NodeContext ctx) {
        boolean sent = false;
        long windowEnd = cursor.received() + (long) WINDOW_BATCHES * config.shipEntriesMax();
        while (cursor.known() && cursor.nextPosition() <= Math.min(log.durablePosition(), windowEnd)) {
            List<Entry> batch = log.slice(
                    cursor.nextPosition(), Math.min(log.durablePosition(), windowEnd), config.shipEntriesMax());
            ctx.send(replica, shipment(batch, ctx));
            long bytes = batch.getLast().endOffsetBytes()
                    - log.offsetBytesAt(batch.getFirst().position() - 1);
            observer.shipped(
                    self, replica, batch.getFirst().position(), batch.getLast().position(), bytes, ctx.nowNanos());
            cursor.shipped(batch.getLast().position());
            sent = true;
        }
        if (heartbeat && !sent) {
            ctx.send(replica, shipment(List.of(), ctx));
        }
    }

    private Ship shipment(List<Entry> entries, NodeContext ctx) {
        return new Ship(
                entries,
                log.durablePosition(),
                durableOffsetBytes(),
                ctx.nowNanos(),
                lease.token(),
                epochStartPosition);
    }

    private long durableOffsetBytes() {
        return log.offsetBytesAt(log.durablePosition());
    }

    /** Acknowledges, in log order, every commit that the mode allows now. */
    private void advance(NodeContext ctx) {
        boolean fallenBack = config.mode() == Mode.SEMI_SYNC && !semiSync.on();
        if (config.visibleBeforeAcks() || fallenBack) {
            state.applyUpTo(log, log.durablePosition());
        }
        while (!pending.isEmpty() && pending.peekFirst().position <= log.durablePosition()) {
            PendingCommit head = pending.peekFirst();
            CommitAck ack;
            if (config.mode() == Mode.ASYNC) {
                ack = CommitAck.LOCAL;
            } else if (fallenBack) {
                ack = CommitAck.FALLBACK;
            } else if (acks(head.position) >= config.acksRequired()) {
                ack = CommitAck.REPLICAS;
            } else {
                armTimeout(head, ctx);
                return;
            }
            release(head, ack, ctx);
        }
    }

    private int acks(long position) {
        int acks = 0;
        for (ReplicaCursor cursor : cursors.values()) {
            if (cursor.position(config.mode(), config.syncLevel()) >= position) {
                acks++;
            }
        }
        return acks;
    }

    private void release(PendingCommit commit, CommitAck ack, NodeContext ctx) {
        pending.removeFirst();
        state.applyUpTo(log, commit.position);
        if (config.mode() == Mode.SEMI_SYNC) {
            semiSync = ack == CommitAck.REPLICAS ? semiSync.yes() : semiSync.no();
        }
        ctx.send(commit.client, new WriteOk(commit.requestId, commit.position));
        observer.committed(self, log.entry(commit.position), ack, ctx.nowNanos());
    }

    private void armTimeout(PendingCommit head, NodeContext ctx) {
        if (config.mode() != Mode.SEMI_SYNC || timeoutArmedForPosition == head.position) {
            return;
        }
        timeoutArmedForPosition = head.position;
        long delay = Math.max(0, head.waitSinceNanos + config.timeoutNanosSemiSync() - ctx.nowNanos());
        ctx.setTimer(Duration.ofNanos(delay), new CommitTimeout(head.position));
    }
}
