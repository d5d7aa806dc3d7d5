package sdlab.app.cluster;

import java.util.function.Function;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A node whose messages cross the wire in another form than the one its code speaks (Adapter): each message that
 * arrives is turned into the node's form before its handler sees it, and each one it sends into the wire's form.
 * Everything else passes through untouched, so the node's decisions are its own, as in the simulator.
 */
final class TranslatedNode implements Node {
    private final Node inner;
    private final Function<Message, ? extends Message> fromWire;
    private final Function<Message, ? extends Message> toWire;

    TranslatedNode(
            Node inner, Function<Message, ? extends Message> fromWire, Function<Message, ? extends Message> toWire) {
        this.inner = inner;
        this.fromWire = fromWire;
        this.toWire = toWire;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        inner.onStart(new WireSendingContext(ctx, toWire), restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        inner.onMessage(from, fromWire.apply(message), new WireSendingContext(ctx, toWire));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        inner.onTimer(id, timer, new WireSendingContext(ctx, toWire));
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        inner.onSynced(syncId, new WireSendingContext(ctx, toWire));
    }
}
