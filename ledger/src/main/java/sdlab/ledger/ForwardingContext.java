package sdlab.ledger;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Outcome;

/**
 * The context the wrapped store client sees: everything goes to the real context except the
 * completions, which come back to the ledger client, because the store's operations are steps of
 * a transfer, not operations of the workload. It also counts the messages sent.
 */
final class ForwardingContext implements ClientContext {
    private final ClientContext outer;
    private final BiConsumer<Long, Outcome> completions;
    private final Runnable sent;

    /** {@code sent} runs for every message the store's client sends, so the ledger client can count them. */
    ForwardingContext(ClientContext outer, BiConsumer<Long, Outcome> completions, Runnable sent) {
        this.outer = outer;
        this.completions = completions;
        this.sent = sent;
    }

    @Override
    public void complete(long opId, Outcome outcome) {
        completions.accept(opId, outcome);
    }

    @Override
    public NodeId self() {
        return outer.self();
    }

    @Override
    public void send(NodeId to, Message message) {
        sent.run();
        outer.send(to, message);
    }

    @Override
    public TimerId setTimer(Duration delay, Timer timer) {
        return outer.setTimer(delay, timer);
    }

    @Override
    public void cancelTimer(TimerId id) {
        outer.cancelTimer(id);
    }

    @Override
    public long nowNanos() {
        return outer.nowNanos();
    }

    @Override
    public RandomGenerator random() {
        return outer.random();
    }

    @Override
    public Disk disk() {
        return outer.disk();
    }

    @Override
    public void note(String text) {
        outer.note(text);
    }
}
