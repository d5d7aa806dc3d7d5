package sdlab.ledger;

import java.util.function.BiConsumer;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Outcome;

/**
 * The context the wrapped store client sees: everything goes to the real context except the
 * completions, which come back to the ledger client, because the store's operations are steps of
 * a transfer, not operations of the workload. It also counts the messages sent.
 */
final class TransferStepContext extends ForwardingContext implements ClientContext {
    private final BiConsumer<Long, Outcome> completions;
    private final Runnable sent;

    /** {@code sent} runs for every message the store's client sends, so the ledger client can count them. */
    TransferStepContext(ClientContext outer, BiConsumer<Long, Outcome> completions, Runnable sent) {
        super(outer);
        this.completions = completions;
        this.sent = sent;
    }

    @Override
    public void complete(long opId, Outcome outcome) {
        completions.accept(opId, outcome);
    }

    @Override
    public void send(NodeId to, Message message) {
        sent.run();
        delegate().send(to, message);
    }
}
