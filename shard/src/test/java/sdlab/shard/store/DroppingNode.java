package sdlab.shard.store;

import java.util.random.RandomGenerator;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A node whose outgoing messages pass a {@link Drops} first: the tests' targeted message loss ("lose the first
 * handoff"), which the simulator's uniform loss rate cannot aim. A dropped message is noted in the trace.
 */
final class DroppingNode implements Node {
    /** Decides, message by message, what the network loses; may keep state, so give each run its own. */
    interface Drops {
        boolean drop(NodeId from, NodeId to, Message message, long nowNanos, RandomGenerator random);
    }

    private final Node inner;
    private final Drops drops;

    DroppingNode(Node inner, Drops drops) {
        this.inner = inner;
        this.drops = drops;
    }

    Node inner() {
        return inner;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        inner.onStart(filtered(ctx), restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        inner.onMessage(from, message, filtered(ctx));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        inner.onTimer(id, timer, filtered(ctx));
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        inner.onSynced(syncId, filtered(ctx));
    }

    private NodeContext filtered(NodeContext ctx) {
        return new ForwardingContext(ctx) {
            @Override
            public void send(NodeId to, Message message) {
                if (drops.drop(ctx.self(), to, message, ctx.nowNanos(), ctx.random())) {
                    ctx.note("test drops " + message + " to " + to);
                } else {
                    ctx.send(to, message);
                }
            }
        };
    }
}
