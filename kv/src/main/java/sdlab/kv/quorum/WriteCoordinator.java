package sdlab.kv.quorum;

import java.util.HashMap;
import java.util.Map;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumConfig.Bug;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumFailed;
import sdlab.kv.quorum.QuorumMessages.Rejected;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.QuorumMessages.WriteAck;
import sdlab.kv.quorum.QuorumMessages.WriteOk;

/**
 * The write path: stamp the value with a fresh version, send it to the key's N targets, and
 * answer the client once W of them have it on disk. Without W acks by the deadline the client
 * hears {@link QuorumFailed}: the write may still be on some replicas, so it is not a failure.
 */
final class WriteCoordinator {
    /** Writes one coordinator tracks at once; more are rejected (definitely not applied). */
    static final int WRITES_IN_FLIGHT_MAX = 10_000;

    private final Coordination co;
    private final VersionClock clock;
    private final Map<OpId, PendingWrite> pending = new HashMap<>();

    WriteCoordinator(Coordination co) {
        this.co = co;
        this.clock = new VersionClock(co.self().name());
    }

    boolean owns(OpId op) {
        return pending.containsKey(op);
    }

    void onClientWrite(NodeId client, Write write, NodeContext ctx) {
        if (!TextCodec.isStorable(write.value())) {
            co.send(
                    ctx,
                    client,
                    new Rejected(
                            write.requestId(),
                            "values must be null, Long, Integer, String, " + "Boolean or a List of them; got "
                                    + write.value().getClass().getName()));
            return;
        }
        if (pending.size() >= WRITES_IN_FLIGHT_MAX) {
            co.send(ctx, client, new Rejected(write.requestId(), "coordinator has too many writes in flight"));
            return;
        }
        OpId op = co.newOp();
        Versioned item = new Versioned(write.value(), clock.next(ctx.nowNanos()));
        TargetSet targets = new TargetSet(co.targets(write.key(), ctx));
        if (co.config().bug() == Bug.ACK_WRITE_BEFORE_QUORUM && !targets.contains(co.self())) {
            targets.add(Target.owner(co.self()));
        }
        PendingWrite started = new PendingWrite(op, client, write.requestId(), write.key(), item, targets);
        pending.put(op, started);
        for (Target target : targets.all()) {
            co.send(ctx, target.node(), target.writeRequest(op, write.key(), item));
        }
        started.timers = co.startTimers(ctx, op);
    }

    void onAck(NodeId from, WriteAck ack, NodeContext ctx) {
        PendingWrite write = pending.get(ack.op());
        if (write == null || !write.targets.contains(from)) {
            return;
        }
        write.acked.add(from);
        if (quorumReached(write)) {
            co.send(ctx, write.client, new WriteOk(write.requestId));
            finish(write, ctx);
        }
    }

    /** Sloppy quorum only: replace every silent target by the next node believed up. */
    void onFailover(OpId op, NodeContext ctx) {
        PendingWrite write = pending.get(op);
        if (write == null) {
            return;
        }
        for (Target silent : write.targets.all()) {
            if (write.acked.contains(silent.node())) {
                continue;
            }
            co.suspect(silent.node(), ctx);
            co.standInFor(write.key, silent, write.targets.nodes(), ctx).ifPresent(standIn -> {
                write.targets.add(standIn);
                co.send(ctx, standIn.node(), standIn.writeRequest(op, write.key, write.item));
            });
        }
    }

    void onDeadline(OpId op, NodeContext ctx) {
        PendingWrite write = pending.remove(op);
        if (write == null) {
            return;
        }
        write.targets.nodes().stream()
                .filter(node -> !write.acked.contains(node))
                .forEach(node -> co.suspect(node, ctx));
        co.send(
                ctx,
                write.client,
                new QuorumFailed(
                        write.requestId,
                        write.acked.size() + " of w=" + co.config().w() + " acks within "
                                + co.config().requestTimeoutMs() + " ms; the write may be on some replicas"));
    }

    private boolean quorumReached(PendingWrite write) {
        return co.config().bug() == Bug.ACK_WRITE_BEFORE_QUORUM
                ? write.acked.contains(co.self())
                : write.acked.size() >= co.config().w();
    }

    private void finish(PendingWrite write, NodeContext ctx) {
        pending.remove(write.op);
        co.cancelTimers(ctx, write.timers);
    }
}
