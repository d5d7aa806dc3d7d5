package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Outcome;

/**
 * A node's context that tells {@link Traffic} of every message sent through it and otherwise forwards everything
 * unchanged; {@link ForClient} does the same for a client's. What {@link TalliedNode} and {@link TalliedClient} hand
 * to the node and the client they wrap.
 */
class CountedContext implements NodeContext {
    private final NodeContext ctx;
    private final Traffic traffic;

    CountedContext(NodeContext ctx, Traffic traffic) {
        this.ctx = ctx;
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
