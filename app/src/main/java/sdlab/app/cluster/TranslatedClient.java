package sdlab.app.cluster;

import java.util.function.Function;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/** A client whose messages cross the wire in another form than its code speaks: {@link TranslatedNode} for clients. */
final class TranslatedClient implements Client {
    private final Client inner;
    private final Function<Message, ? extends Message> fromWire;
    private final Function<Message, ? extends Message> toWire;

    TranslatedClient(
            Client inner, Function<Message, ? extends Message> fromWire, Function<Message, ? extends Message> toWire) {
        this.inner = inner;
        this.fromWire = fromWire;
        this.toWire = toWire;
    }

    @Override
    public void onStart(ClientContext ctx) {
        inner.onStart(new Sending(ctx, toWire));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        inner.onInvoke(invocation, new Sending(ctx, toWire));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        inner.onMessage(from, fromWire.apply(message), new Sending(ctx, toWire));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        inner.onTimer(id, timer, new Sending(ctx, toWire));
    }

    /** The host's context, with every message sent turned into the wire's form first. */
    private static final class Sending extends WireSendingContext implements ClientContext {
        private final ClientContext host;

        Sending(ClientContext host, Function<Message, ? extends Message> toWire) {
            super(host, toWire);
            this.host = host;
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            host.complete(opId, outcome);
        }
    }
}
