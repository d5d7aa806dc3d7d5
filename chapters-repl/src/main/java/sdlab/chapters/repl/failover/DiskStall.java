package sdlab.chapters.repl.failover;

import java.time.Duration;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A disk that stalls, wrapped around a node (the Decorator pattern), since the simulator's disk has no such fault:
 * between {@code fromNanos} and {@code untilNanos} of the node's clock, every completed sync reaches the node late:
 * {@code extraNanos} late on a slow disk, or not before {@code untilNanos} on a stuck one. Nothing else changes: the
 * process runs, answers reads, and its host still accepts connections.
 */
final class DiskStall implements Node {
    /** A sync held back, delivered when this fires. */
    private record Release(long syncId) implements Timer {}

    private final Node inner;
    private final long fromNanos;
    private final long untilNanos;
    /** How late each sync completes; a negative value holds every sync until the stall ends. */
    private final long extraNanos;

    private DiskStall(Node inner, long fromNanos, long untilNanos, long extraNanos) {
        this.inner = inner;
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
        this.extraNanos = extraNanos;
    }

    /** Every sync completing in the window waits until the window ends. */
    static Node stuck(Node inner, long fromNanos, long untilNanos) {
        return new DiskStall(inner, fromNanos, untilNanos, -1);
    }

    /** Every sync completing in the window completes {@code extraNanos} later. */
    static Node slow(Node inner, long fromNanos, long untilNanos, long extraNanos) {
        return new DiskStall(inner, fromNanos, untilNanos, extraNanos);
    }

    /** The wrapped node, for measurements at the end of a run. */
    Node inner() {
        return inner;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        inner.onStart(ctx, restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        inner.onMessage(from, message, ctx);
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Release release) {
            inner.onSynced(release.syncId(), ctx);
        } else {
            inner.onTimer(id, timer, ctx);
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        long now = ctx.nowNanos();
        if (now < fromNanos || now >= untilNanos) {
            inner.onSynced(syncId, ctx);
            return;
        }
        long delay = extraNanos < 0 ? untilNanos - now : extraNanos;
        ctx.setTimer(Duration.ofNanos(delay), new Release(syncId));
    }
}
