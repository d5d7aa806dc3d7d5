package sdlab.app.cluster;

import java.util.function.Function;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * A host's context with every message sent turned into the wire's form first, and everything else passed through:
 * what {@link TranslatedNode} hands its node, and, with completions added, what {@link TranslatedClient} hands its
 * client.
 */
class WireSendingContext extends ForwardingContext {
    private final Function<Message, ? extends Message> toWire;

    WireSendingContext(NodeContext host, Function<Message, ? extends Message> toWire) {
        super(host);
        this.toWire = toWire;
    }

    @Override
    public void send(NodeId to, Message message) {
        delegate().send(to, toWire.apply(message));
    }
}
