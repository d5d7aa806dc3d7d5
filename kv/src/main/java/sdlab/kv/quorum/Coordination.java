package sdlab.kv.quorum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.TimerId;
import sdlab.kv.quorum.QuorumMessages.OpId;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;

/**
 * What the write and the read coordinators share: the node's identity and configuration, where
 * keys live, which peers seem down, operation ids and the two timers of every operation.
 */
final class Coordination {
    private final NodeId self;
    private final QuorumConfig config;
    private final Placement placement;
    private final PeerHealth health;
    private final Outbox out;
    private final long epoch;
    private long nextSequence;

    Coordination(NodeId self, QuorumConfig config, HashRing ring, PeerHealth health, Outbox out, long epoch) {
        this.self = self;
        this.config = config;
        this.placement = new Placement(ring, config);
        this.health = health;
        this.out = out;
        this.epoch = epoch;
    }

    NodeId self() {
        return self;
    }

    QuorumConfig config() {
        return config;
    }

    OpId newOp() {
        return new OpId(epoch, nextSequence++);
    }

    List<Target> targets(String key, NodeContext ctx) {
        long nowNanos = ctx.nowNanos();
        return placement.targets(key, node -> health.believedUp(node, nowNanos));
    }

    Optional<Target> standInFor(String key, Target silent, Collection<NodeId> contacted, NodeContext ctx) {
        long nowNanos = ctx.nowNanos();
        return placement.standInFor(key, silent, contacted, node -> health.believedUp(node, nowNanos));
    }

    void suspect(NodeId node, NodeContext ctx) {
        health.suspect(node, ctx.nowNanos());
    }

    void send(NodeContext ctx, NodeId to, QuorumMessage message) {
        out.send(ctx, to, message);
    }

    /** The deadline, and with a sloppy quorum the failover halfway to it. */
    List<TimerId> startTimers(NodeContext ctx, OpId op) {
        List<TimerId> timers = new ArrayList<>(2);
        Duration timeout = Duration.ofMillis(config.requestTimeoutMs());
        timers.add(ctx.setTimer(timeout, new QuorumTimers.Deadline(op)));
        if (config.sloppy()) {
            timers.add(ctx.setTimer(timeout.dividedBy(2), new QuorumTimers.Failover(op)));
        }
        return timers;
    }

    void cancelTimers(NodeContext ctx, List<TimerId> timers) {
        timers.forEach(ctx::cancelTimer);
    }
}
