package sdlab.kv.quorum;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.kv.quorum.QuorumMessages.ClientReply;
import sdlab.kv.quorum.QuorumMessages.HandoffAck;
import sdlab.kv.quorum.QuorumMessages.HandoffWrite;
import sdlab.kv.quorum.QuorumMessages.HintedWrite;
import sdlab.kv.quorum.QuorumMessages.QuorumMessage;
import sdlab.kv.quorum.QuorumMessages.Read;
import sdlab.kv.quorum.QuorumMessages.ReadReply;
import sdlab.kv.quorum.QuorumMessages.RepairPush;
import sdlab.kv.quorum.QuorumMessages.ReplicaRead;
import sdlab.kv.quorum.QuorumMessages.ReplicaWrite;
import sdlab.kv.quorum.QuorumMessages.Write;
import sdlab.kv.quorum.QuorumMessages.WriteAck;
import sdlab.kv.quorum.QuorumTimers.ClientTimeout;
import sdlab.kv.quorum.QuorumTimers.Deadline;
import sdlab.kv.quorum.QuorumTimers.Failover;
import sdlab.kv.quorum.QuorumTimers.HandoffTick;
import sdlab.kv.quorum.QuorumTimers.QuorumTimer;

/**
 * One node of the quorum store. Every node plays two roles: coordinator for the client
 * requests it receives (any node can coordinate any key) and replica for the keys the ring
 * gives it. This class only routes events to those roles; the protocol is in
 * {@link WriteCoordinator}, {@link ReadCoordinator}, {@link Replica} and {@link HintedHandoff}.
 *
 * <p>All state is rebuilt in {@link #onStart}: the replica's from its disk, the coordinator's
 * from nothing (operations in flight at a crash are left to their clients' timeouts).
 */
public final class QuorumNode implements Node {
    private final NodeId self;
    private final QuorumConfig config;
    private final HashRing ring;

    private Outbox out;
    private Replica replica;
    private WriteCoordinator writes;
    private ReadCoordinator reads;
    private PeerHealth health;

    /**
     * A node named {@code self} of the cluster whose keys {@code ring} places; use
     * {@link QuorumCluster#nodeFactory} to make all of a cluster's nodes consistently.
     */
    public QuorumNode(NodeId self, QuorumConfig config, HashRing ring) {
        this.self = Objects.requireNonNull(self, "self");
        this.config = Objects.requireNonNull(config, "config");
        this.ring = Objects.requireNonNull(ring, "ring");
        if (!ring.nodes().contains(self)) {
            throw new IllegalArgumentException("node " + self + " is not on the ring " + ring.nodes());
        }
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        out = new Outbox(self);
        health = new PeerHealth(self, Duration.ofMillis(config.suspicionMs()).toNanos());
        // The start time tells this life's operation ids from those of a previous life.
        Coordination co = new Coordination(self, config, ring, health, out, ctx.nowNanos());
        writes = new WriteCoordinator(co);
        reads = new ReadCoordinator(co);
        HintedHandoff handoff = new HintedHandoff(Duration.ofMillis(config.handoffIntervalMs()));
        replica = new Replica(ReplicaStore.recover(ctx.disk()), handoff, out);
        if (restarted) {
            ctx.note(self + " recovered " + replica.store().hintCount() + " hints from disk");
        }
        replica.start(ctx);
        drainLocal(ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof QuorumMessage quorumMessage)) {
            ctx.note("ignored a message that is not the quorum store's: " + message);
            return;
        }
        health.heard(from);
        handle(from, quorumMessage, ctx);
        drainLocal(ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof QuorumTimer quorumTimer)) {
            return;
        }
        switch (quorumTimer) {
            case Deadline deadline -> {
                if (writes.owns(deadline.op())) {
                    writes.onDeadline(deadline.op(), ctx);
                } else {
                    reads.onDeadline(deadline.op(), ctx);
                }
            }
            case Failover failover -> {
                if (writes.owns(failover.op())) {
                    writes.onFailover(failover.op(), ctx);
                } else {
                    reads.onFailover(failover.op(), ctx);
                }
            }
            case HandoffTick tick -> replica.handoff().onTick(replica.store(), out, ctx);
            case ClientTimeout clientTimeout -> ctx.note("ignored a client's timer: " + clientTimeout);
        }
        drainLocal(ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        replica.onSynced(syncId, ctx);
        drainLocal(ctx);
    }

    /** This node's own newest copy of {@code key} (as owner or hint holder); for tests and tools. */
    Optional<Versioned> localCopy(String key) {
        return replica.store().read(key);
    }

    /** How many hints this node keeps for other nodes. */
    int hintCount() {
        return replica.store().hintCount();
    }

    private void handle(NodeId from, QuorumMessage message, NodeContext ctx) {
        switch (message) {
            case Write write -> writes.onClientWrite(from, write, ctx);
            case Read read -> reads.onClientRead(from, read, ctx);
            case ReplicaWrite write -> replica.onWrite(from, write, ctx);
            case HintedWrite write -> replica.onHintedWrite(from, write, ctx);
            case ReplicaRead read -> replica.onRead(from, read, ctx);
            case RepairPush push -> replica.onRepair(push, ctx);
            case HandoffWrite write -> replica.onHandoffWrite(from, write, ctx);
            case WriteAck ack -> {
                if (writes.owns(ack.op())) {
                    writes.onAck(from, ack, ctx);
                } else {
                    reads.onWriteBackAck(from, ack, ctx);
                }
            }
            case ReadReply reply -> reads.onReply(from, reply, ctx);
            case HandoffAck ack -> replica.handoff().onAck(from, ack, replica.store(), ctx);
            case ClientReply reply -> ctx.note("ignored a client reply sent to a node: " + reply);
        }
    }

    private void drainLocal(NodeContext ctx) {
        for (QuorumMessage next = out.pollLocal(); next != null; next = out.pollLocal()) {
            handle(self, next, ctx);
        }
    }
}
