package sdlab.kv.quorum;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.kv.quorum.PendingRead.Phase;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumFailed;
import sdlab.kv.quorum.QuorumMessages.Read;
import sdlab.kv.quorum.QuorumMessages.ReadOk;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.Rejected;
import sdlab.kv.quorum.QuorumMessages.RepairPush;
import sdlab.kv.quorum.QuorumMessages.ReplicaRead;
import sdlab.kv.quorum.QuorumMessages.WriteAck;

/**
 * The read path: ask the key's N targets, take the newest of the first R replies, then repair
 * as configured. With {@link ReadRepair#BLOCKING} the newest version is first written back to
 * W targets (ABD's second phase), unless W repliers already reported it synced.
 */
final class ReadCoordinator {
    /** Reads one coordinator tracks at once; more are rejected (a read changes nothing). */
    static final int READS_IN_FLIGHT_MAX = 10_000;

    private final Coordination co;
    private final Map<OpId, PendingRead> pending = new HashMap<>();

    ReadCoordinator(Coordination co) {
        this.co = co;
    }

    boolean owns(OpId op) {
        return pending.containsKey(op);
    }

    void onClientRead(NodeId client, Read read, NodeContext ctx) {
        if (pending.size() >= READS_IN_FLIGHT_MAX) {
            co.send(ctx, client, new Rejected(read.requestId(), "coordinator has too many reads in flight"));
            return;
        }
        OpId op = co.newOp();
        PendingRead started =
                new PendingRead(op, client, read.requestId(), read.key(), new TargetSet(co.targets(read.key(), ctx)));
        pending.put(op, started);
        for (Target target : started.targets.all()) {
            co.send(ctx, target.node(), new ReplicaRead(op, read.key()));
        }
        started.timers = co.startTimers(ctx, op);
    }

    void onReply(NodeId from, ReadReply reply, NodeContext ctx) {
        PendingRead read = pending.get(reply.op());
        if (read == null || !read.targets.contains(from) || read.replies.putIfAbsent(from, reply) != null) {
            return;
        }
        switch (read.phase) {
            case COLLECTING -> {
                if (read.replies.size() >= co.config().readQuorum()) {
                    decide(read, ctx);
                }
            }
            case WRITING_BACK -> {
                // The answer is fixed; the write-back already covers this replica.
            }
            case ANSWERED -> {
                repairStale(read, ctx);
                finishIfDone(read, ctx);
            }
        }
    }

    void onWriteBackAck(NodeId from, WriteAck ack, NodeContext ctx) {
        PendingRead read = pending.get(ack.op());
        if (read == null || read.phase != Phase.WRITING_BACK || !read.targets.contains(from)) {
            return;
        }
        read.writeBackAcks.add(from);
        if (read.writeBackAcks.size() >= co.config().w()) {
            answer(read, ctx);
        }
    }

    /** Sloppy quorum only: replace every target that has not answered the current phase. */
    void onFailover(OpId op, NodeContext ctx) {
        PendingRead read = pending.get(op);
        if (read == null || read.phase == Phase.ANSWERED) {
            return;
        }
        for (Target silent : read.targets.all()) {
            boolean answered = read.phase == Phase.COLLECTING
                    ? read.replies.containsKey(silent.node())
                    : read.writeBackAcks.contains(silent.node());
            if (answered) {
                continue;
            }
            co.suspect(silent.node(), ctx);
            co.standInFor(read.key, silent, read.targets.nodes(), ctx).ifPresent(standIn -> {
                read.targets.add(standIn);
                co.send(
                        ctx,
                        standIn.node(),
                        read.phase == Phase.COLLECTING
                                ? new ReplicaRead(op, read.key)
                                : standIn.writeRequest(op, read.key, read.chosen.orElseThrow()));
            });
        }
    }

    void onDeadline(OpId op, NodeContext ctx) {
        PendingRead read = pending.remove(op);
        if (read == null) {
            return;
        }
        read.targets.nodes().stream()
                .filter(node -> !read.replies.containsKey(node))
                .forEach(node -> co.suspect(node, ctx));
        if (read.phase != Phase.ANSWERED) {
            String missing = read.phase == Phase.COLLECTING
                    ? read.replies.size() + " of r=" + co.config().readQuorum() + " replies"
                    : read.writeBackAcks.size() + " of w=" + co.config().w() + " write-back acks";
            co.send(
                    ctx,
                    read.client,
                    new QuorumFailed(
                            read.requestId, missing + " within " + co.config().requestTimeoutMs() + " ms"));
        }
    }

    private void decide(PendingRead read, NodeContext ctx) {
        read.chosen = read.newest();
        boolean writeBack = co.config().readRepair() == ReadRepair.BLOCKING
                && read.chosen.isPresent()
                && read.durableCopiesOf(read.chosen.get()) < co.config().w();
        if (!writeBack) {
            answer(read, ctx);
            return;
        }
        read.phase = Phase.WRITING_BACK;
        Versioned item = read.chosen.get();
        for (Target target : read.targets.all()) {
            co.send(ctx, target.node(), target.writeRequest(read.op, read.key, item));
        }
    }

    private void answer(PendingRead read, NodeContext ctx) {
        read.phase = Phase.ANSWERED;
        co.send(
                ctx,
                read.client,
                new ReadOk(read.requestId, read.chosen.map(Versioned::value).orElse(null)));
        repairStale(read, ctx);
        finishIfDone(read, ctx);
    }

    /** Background read repair: push the newest known version to owners that replied with less. */
    private void repairStale(PendingRead read, NodeContext ctx) {
        if (co.config().readRepair() != ReadRepair.BACKGROUND) {
            return;
        }
        Optional<Versioned> newest = read.newest();
        if (newest.isEmpty()) {
            return;
        }
        Versioned item = newest.get();
        for (Map.Entry<NodeId, ReadReply> replied : read.replies.entrySet()) {
            NodeId node = replied.getKey();
            Version held = read.repairedTo.get(node);
            if (held == null) {
                held = replied.getValue().item().map(Versioned::version).orElse(null);
            }
            boolean stale = held == null || item.version().isNewerThan(held);
            if (stale && !read.targets.get(node).isStandIn()) {
                read.repairedTo.put(node, item.version());
                co.send(ctx, node, new RepairPush(read.key, item));
            }
        }
    }

    /** Background repair keeps listening for late replies until all targets answered or time is up. */
    private void finishIfDone(PendingRead read, NodeContext ctx) {
        if (co.config().readRepair() != ReadRepair.BACKGROUND || read.allTargetsReplied()) {
            pending.remove(read.op);
            co.cancelTimers(ctx, read.timers);
        }
    }
}
