package sdlab.chapters.repl.redundancy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

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
        inner.onStart(new Counted(ctx));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        inner.onInvoke(invocation, new Counted(ctx));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        inner.onMessage(from, message, new Counted(ctx));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        inner.onTimer(id, timer, new Counted(ctx));
    }

    /** The client's context, counting what it sends. */
    private final class Counted implements ClientContext {
        private final ClientContext ctx;

        Counted(ClientContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            ctx.complete(opId, outcome);
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
}
