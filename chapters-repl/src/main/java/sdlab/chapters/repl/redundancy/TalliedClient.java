package sdlab.chapters.repl.redundancy;

import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;

/** A client whose sends are counted on their way to the network, as {@link TalliedNode} does for a node. */
final class TalliedClient implements Client {
    private final Client inner;
    private final Traffic traffic;

    TalliedClient(Client inner, Traffic traffic) {
        this.inner = inner;
        this.traffic = traffic;
    }

    @Override
    public void onStart(ClientContext ctx) {
        inner.onStart(new CountedContext.ForClient(ctx, traffic));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        inner.onInvoke(invocation, new CountedContext.ForClient(ctx, traffic));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        inner.onMessage(from, message, new CountedContext.ForClient(ctx, traffic));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        inner.onTimer(id, timer, new CountedContext.ForClient(ctx, traffic));
    }
}
