package sdlab.kv.causal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.kv.causal.CausalMessages.ClientRequest;
import sdlab.kv.causal.CausalMessages.Get;
import sdlab.kv.causal.CausalMessages.GetOk;
import sdlab.kv.causal.CausalMessages.Put;
import sdlab.kv.causal.CausalMessages.PutOk;
import sdlab.kv.causal.CausalMessages.Refused;
import sdlab.kv.causal.CausalMessages.Replicate;
import sdlab.kv.causal.CausalMessages.ReplicateAck;
import sdlab.kv.causal.CausalTimers.ParkExpired;
import sdlab.kv.causal.CausalTimers.ResendDue;

/**
 * One replica (one site) of the causal store. It takes its clients' writes at once, giving each a
 * Lamport version, and replicates them to the other replicas in the background; a write from
 * another replica becomes visible here only once every write it depends on has been applied here
 * (COPS's dependency check), and waits in {@link PendingReplications} until then. Every write is
 * logged and synced before it becomes visible, so that what a reader saw survives a crash.
 *
 * <p>A client request carries the client's context; the replica serves it once that context is
 * applied here, parking it for at most {@link CausalConfig#parkMsMax()} otherwise. A client on its
 * own replica never waits (its context came from this replica); a client that moves between
 * replicas gets read-your-writes and monotonic reads from it.
 */
public final class CausalReplica implements Node {
    private final NodeId self;
    private final CausalConfig config;
    private final VisibleStore store;
    private final PendingReplications pending = new PendingReplications();
    private final ParkedRequests parked = new ParkedRequests();
    private final ReplicationOutbox outbox;
    private final List<NodeId> peers;
    /** Writes logged and waiting for their sync, by sync id; they become visible when it completes. */
    private final TreeMap<Long, Durable> syncing = new TreeMap<>();
    /** Versions of replicated writes logged and not yet synced: duplicates of them are not logged twice. */
    private final Set<Version> syncingVersions = new HashSet<>();

    private long lamport;
    /** The sequence number of the last write this replica took from its clients (its own writes, as origin). */
    private long ownSeq;

    /** A write whose log record is waiting for its sync, and whom to tell when it is durable. */
    private sealed interface Durable {
        CausalWrite write();
    }

    private record LocalPut(NodeId client, long requestId, CausalWrite write) implements Durable {}

    private record Replicated(NodeId origin, CausalWrite write) implements Durable {}

    public CausalReplica(NodeId self, CausalConfig config) {
        this(self, config, new AppliedVersionVector(config.bug() == CausalConfig.Bug.TRIM_TREATS_GAP_AS_APPLIED));
    }

    /** A replica that keeps its applied versions in {@code applied}: tests compare the vector with a plain set. */
    CausalReplica(NodeId self, CausalConfig config, AppliedVersions applied) {
        this.self = self;
        this.store = new VisibleStore(applied);
        this.config = config;
        this.peers = config.replicas().stream().filter(r -> !r.equals(self)).toList();
        this.outbox = new ReplicationOutbox(peers);
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        for (CausalWrite write : CausalLog.recover(ctx.disk())) {
            store.apply(write);
            lamport = Math.max(lamport, write.version().lamport());
            if (write.version().origin().equals(self.name())) {
                // A write logged but lost unsynced in a crash gave its number to no one: the next write may take it.
                ownSeq = Math.max(ownSeq, write.version().seq());
                // Which replicas acknowledged it was not kept: send it to all again (they ignore duplicates).
                outbox.owedToAll(write);
            }
        }
        ctx.setTimer(Duration.ofMillis(config.resendMs()), new ResendDue());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof CausalMessages.CausalMessage causal)) {
            return;
        }
        switch (causal) {
            case ClientRequest request -> onRequest(from, request, ctx);
            case Replicate replicate -> onReplicate(from, replicate.write(), ctx);
            case ReplicateAck ack -> outbox.acknowledged(from, ack.version());
            case CausalMessages.ClientReply reply -> {} // replies go to clients, never to replicas
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case ResendDue due -> {
                long resendNanos = Duration.ofMillis(config.resendMs()).toNanos();
                for (ReplicationOutbox.Resend resend : outbox.due(ctx.nowNanos(), resendNanos)) {
                    ctx.send(resend.peer(), new Replicate(resend.write()));
                }
                ctx.setTimer(Duration.ofMillis(config.resendMs()), new ResendDue());
            }
            case ParkExpired expired -> {
                ParkedRequests.Parked request = parked.expire(expired.client(), expired.requestId());
                if (request != null) {
                    ctx.send(request.client(), new Refused(expired.requestId(), "context not applied in time"));
                }
            }
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        Map<Long, Durable> done = syncing.headMap(syncId, true);
        List<Durable> durable = new ArrayList<>(done.values());
        done.clear();
        for (Durable write : durable) {
            store.apply(write.write());
            switch (write) {
                case LocalPut put -> {
                    ctx.send(
                            put.client(), new PutOk(put.requestId(), put.write().version()));
                    outbox.sentToAll(put.write(), ctx.nowNanos());
                    peers.forEach(peer -> ctx.send(peer, new Replicate(put.write())));
                }
                case Replicated replicated -> {
                    syncingVersions.remove(replicated.write().version());
                    ctx.send(
                            replicated.origin(),
                            new ReplicateAck(replicated.write().version()));
                }
            }
        }
        admitReplications(ctx);
        for (ParkedRequests.Parked request : parked.takeServable(store)) {
            ctx.cancelTimer(request.expiry());
            serve(request.client(), request.request(), ctx);
        }
    }

    private void onRequest(NodeId client, ClientRequest request, NodeContext ctx) {
        boolean waitForContext = config.bug() != CausalConfig.Bug.TOKEN_IGNORED;
        if (!waitForContext || store.covers(request.context())) {
            serve(client, request, ctx);
        } else if (!parked.hasRoom()) {
            ctx.send(client, new Refused(request.requestId(), "too many requests waiting for their context"));
        } else {
            TimerId expiry =
                    ctx.setTimer(Duration.ofMillis(config.parkMsMax()), new ParkExpired(client, request.requestId()));
            parked.park(new ParkedRequests.Parked(client, request, expiry));
        }
    }

    private void serve(NodeId client, ClientRequest request, NodeContext ctx) {
        switch (request) {
            case Get get -> {
                CausalWrite visible = store.visible(get.key());
                ctx.send(
                        client,
                        visible == null
                                ? new GetOk(get.requestId(), null, null)
                                : new GetOk(get.requestId(), visible.value(), visible.version()));
            }
            case Put put -> {
                if (!outbox.hasRoom() || !CausalWrite.isStorable(put.value())) {
                    ctx.send(client, new Refused(put.requestId(), "replication backlog full or value not storable"));
                    return;
                }
                lamport = Math.max(lamport, put.context().lamportMax()) + 1;
                Version version = new Version(lamport, self.name(), ++ownSeq);
                CausalWrite write = new CausalWrite(put.key(), put.value(), version, put.context());
                CausalLog.append(ctx.disk(), write);
                syncing.put(ctx.disk().sync(), new LocalPut(client, put.requestId(), write));
            }
        }
    }

    private void onReplicate(NodeId origin, CausalWrite write, NodeContext ctx) {
        lamport = Math.max(lamport, write.version().lamport());
        if (store.isApplied(write.version())) {
            ctx.send(origin, new ReplicateAck(write.version())); // a resend of a write already durable here
            return;
        }
        if (syncingVersions.contains(write.version())) {
            return; // acknowledged when its sync completes
        }
        pending.hold(write); // when full, dropped unacknowledged: the origin sends it again
        admitReplications(ctx);
    }

    /** Logs every held write whose dependencies are applied; each becomes visible when its sync completes. */
    private void admitReplications(NodeContext ctx) {
        boolean checkDependencies = config.bug() != CausalConfig.Bug.SHOWS_WRITE_BEFORE_DEPENDENCY;
        for (CausalWrite write : pending.takeReady(store, checkDependencies)) {
            CausalLog.append(ctx.disk(), write);
            syncingVersions.add(write.version());
            NodeId origin = NodeId.of(write.version().origin());
            syncing.put(ctx.disk().sync(), new Replicated(origin, write));
        }
    }
}
