package sdlab.app.cluster;

import java.time.Duration;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A host's context with every message sent turned into the wire's form first, and everything else passed through:
 * what {@link TranslatedNode} hands its node, and, with completions added, what {@link TranslatedClient} hands its
 * client.
 */
class WireSendingContext implements NodeContext {
    private final NodeContext host;
    private final Function<Message, ? extends Message> toWire;

    WireSendingContext(NodeContext host, Function<Message, ? extends Message> toWire) {
        this.host = host;
        this.toWire = toWire;
    }

    @Override
    public NodeId self() {
        return host.self();
    }

    @Override
    public void send(NodeId to, Message message) {
        host.send(to, toWire.apply(message));
    }

    @Override
    public TimerId setTimer(Duration delay, Timer timer) {
        return host.setTimer(delay, timer);
    }

    @Override
    public void cancelTimer(TimerId id) {
        host.cancelTimer(id);
    }

    @Override
    public long nowNanos() {
        return host.nowNanos();
    }

    @Override
    public RandomGenerator random() {
        return host.random();
    }

    @Override
    public Disk disk() {
        return host.disk();
    }

    @Override
    public void note(String text) {
        host.note(text);
    }
}
