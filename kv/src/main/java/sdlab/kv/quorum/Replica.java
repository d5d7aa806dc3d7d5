package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumMessages.HandoffAck;
import sdlab.kv.quorum.QuorumMessages.HandoffWrite;
import sdlab.kv.quorum.QuorumMessages.HintedWrite;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.RepairPush;
import sdlab.kv.quorum.QuorumMessages.ReplicaRead;
import sdlab.kv.quorum.QuorumMessages.ReplicaWrite;
import sdlab.kv.quorum.QuorumMessages.WriteAck;
import sdlab.kv.quorum.SyncWaiters.Deferred;
import sdlab.kv.quorum.SyncWaiters.DeleteFile;
import sdlab.kv.quorum.SyncWaiters.Reply;

/**
 * The replica role of a node: stores versions, answers reads from memory, and acknowledges a
 * write only in {@link #onSynced}, after the disk sync that made it durable.
 */
final class Replica {
    private final ReplicaStore store;
    private final HintedHandoff handoff;
    private final Outbox out;
    private final SyncWaiters waiters = new SyncWaiters();

    Replica(ReplicaStore store, HintedHandoff handoff, Outbox out) {
        this.store = store;
        this.handoff = handoff;
        this.out = out;
    }

    /** After a restart: rewrite the recovered state as one fresh log generation (drops a torn tail). */
    void start(NodeContext ctx) {
        if (store.recoveredFromLog()) {
            syncThen(ctx, List.of(), true);
        }
        handoff.schedule(store, ctx);
    }

    void onWrite(NodeId from, ReplicaWrite write, NodeContext ctx) {
        store.put(ctx.disk(), write.key(), write.item());
        syncThen(ctx, List.of(new Reply(from, new WriteAck(write.op()))), false);
    }

    void onHintedWrite(NodeId from, HintedWrite write, NodeContext ctx) {
        if (!store.hasRoomForHint()) {
            ctx.note("hint for " + write.intendedOwner() + " refused: " + ReplicaStore.HINTS_MAX + " hints kept");
            return;
        }
        store.putHint(ctx.disk(), write.intendedOwner(), write.key(), write.item());
        syncThen(ctx, List.of(new Reply(from, new WriteAck(write.op()))), false);
        handoff.schedule(store, ctx);
    }

    void onRead(NodeId from, ReplicaRead read, NodeContext ctx) {
        out.send(ctx, from, new ReadReply(read.op(), store.read(read.key()), store.isDurable(read.key())));
    }

    /** Best effort: the next sync makes it durable, and nobody waits for it. */
    void onRepair(RepairPush push, NodeContext ctx) {
        store.put(ctx.disk(), push.key(), push.item());
    }

    void onHandoffWrite(NodeId from, HandoffWrite write, NodeContext ctx) {
        store.put(ctx.disk(), write.key(), write.item());
        HandoffAck ack = new HandoffAck(write.key(), write.item().version());
        syncThen(ctx, List.of(new Reply(from, ack)), false);
    }

    void onSynced(long syncId, NodeContext ctx) {
        SyncWaiters.Batch batch = waiters.complete(syncId);
        if (batch == null) {
            return;
        }
        store.durableUpTo(batch.writeSequenceCovered());
        for (Deferred action : batch.actions()) {
            switch (action) {
                case Reply reply -> out.send(ctx, reply.to(), reply.message());
                case DeleteFile delete -> ctx.disk().delete(delete.file());
            }
        }
    }

    ReplicaStore store() {
        return store;
    }

    HintedHandoff handoff() {
        return handoff;
    }

    /** Issues a sync (compacting the log first when due) and defers {@code actions} until it completes. */
    private void syncThen(NodeContext ctx, List<Deferred> actions, boolean compactNow) {
        List<Deferred> all = actions;
        if (compactNow || store.compactionDue()) {
            all = new ArrayList<>(actions);
            for (String file : store.compact(ctx.disk())) {
                all.add(new DeleteFile(file));
            }
        }
        long syncId = ctx.disk().sync();
        waiters.add(syncId, store.writeSequence(), all);
    }
}
