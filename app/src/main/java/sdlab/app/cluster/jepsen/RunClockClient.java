package sdlab.app.cluster.jepsen;

import java.util.function.LongSupplier;
import sdlab.core.ForwardingContext;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A client that reads the run's clock instead of its host's. The ledger's clients put times in
 * their reports (when a read began, when a write was acknowledged, when the audit started), and
 * the ledger checker compares them with each other and with the history's times. In the simulator
 * one virtual clock gives them all; here each client host anchors its own clock to the wall clock
 * when it starts, so two hosts can disagree by a millisecond, enough to call a fresh read stale.
 * One monotonic clock for the history and every client makes real-time order mean the same
 * everywhere in the run.
 */
final class RunClockClient implements Client {
    private final Client inner;
    private final LongSupplier clockNanos;

    RunClockClient(Client inner, LongSupplier clockNanos) {
        this.inner = inner;
        this.clockNanos = clockNanos;
    }

    @Override
    public void onStart(ClientContext ctx) {
        inner.onStart(new Clocked(ctx));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        inner.onInvoke(invocation, new Clocked(ctx));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        inner.onMessage(from, message, new Clocked(ctx));
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        inner.onTimer(id, timer, new Clocked(ctx));
    }

    /** The host's context with the run's clock in place of its own. */
    private final class Clocked extends ForwardingContext implements ClientContext {
        private final ClientContext host;

        Clocked(ClientContext host) {
            super(host);
            this.host = host;
        }

        @Override
        public long nowNanos() {
            return clockNanos.getAsLong();
        }

        @Override
        public void complete(long opId, Outcome outcome) {
            host.complete(opId, outcome);
        }
    }
}
