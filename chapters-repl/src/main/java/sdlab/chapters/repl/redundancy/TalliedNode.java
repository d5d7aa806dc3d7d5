package sdlab.chapters.repl.redundancy;

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
        inner.onStart(new CountedContext(ctx, traffic), restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        inner.onMessage(from, message, new CountedContext(ctx, traffic));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        inner.onTimer(id, timer, new CountedContext(ctx, traffic));
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        inner.onSynced(syncId, new CountedContext(ctx, traffic));
    }
}
