package sdlab.chapters.repl.redundancy;

import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Outcome;

/**
 * A node's context that tells {@link Traffic} of every message sent through it and otherwise forwards everything
 * unchanged; {@link ForClient} does the same for a client's. What {@link TalliedNode} and {@link TalliedClient} hand
 * to the node and the client they wrap.
 */
class CountedContext extends ForwardingContext {
    private final Traffic traffic;

    CountedContext(NodeContext ctx, Traffic traffic) {
        super(ctx);
        this.traffic = traffic;
    }

    /** A client's context, counted the same way. */
    static final class ForClient extends CountedContext implements ClientContext {
        private final ClientContext client;

        ForClient(ClientContext client, Traffic traffic) {
            super(client, traffic);
            this.client = client;
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            client.complete(opId, outcome);
        }
    }

    @Override
    public void send(NodeId to, Message message) {
        traffic.sent(self(), to, message, nowNanos());
        delegate().send(to, message);
    }
}
