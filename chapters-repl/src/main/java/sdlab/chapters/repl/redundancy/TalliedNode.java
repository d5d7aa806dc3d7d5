package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A node whose sends are counted on their way to the network (the Decorator pattern): the node sees its context
 * unchanged, and {@link Traffic} sees every message it sends.
 */
final class TalliedNode implements Node {
    private final Node inner;
    private final Traffic traffic;

    TalliedNode(Node inner, Traffic traffic) {
        this.inner = inner;
        this.traffic = traffic;
    }

    /** The wrapped node, for measurements at the end of a run. */
    Node inner() {
        return inner;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        inner.onStart(new Counted(ctx), restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        inner.onMessage(from, message, new Counted(ctx));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        inner.onTimer(id, timer, new Counted(ctx));
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        inner.onSynced(syncId, new Counted(ctx));
    }

    /** The node's context, counting what it sends. */
    private final class Counted implements NodeContext {
        private final NodeContext ctx;

        Counted(NodeContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public NodeId self() {
            return ctx.self();
        }

        @Override
        public void send(NodeId to, Message message) {
            traffic.sent(ctx.self(), to, message, ctx.nowNanos());
            ctx.send(to, message);
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            return ctx.setTimer(delay, timer);
        }

        @Override
        public void cancelTimer(TimerId id) {
            ctx.cancelTimer(id);
        }

        @Override
        public long nowNanos() {
            return ctx.nowNanos();
        }

        @Override
        public RandomGenerator random() {
            return ctx.random();
        }

        @Override
        public Disk disk() {
            return ctx.disk();
        }

        @Override
        public void note(String text) {
            ctx.note(text);
        }
    }
}
