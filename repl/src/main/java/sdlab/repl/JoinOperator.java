package sdlab.repl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.repl.ReplMessages.JoinFrom;
import sdlab.repl.ReplMessages.LagProbe;
import sdlab.repl.ReplMessages.LagReport;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.LagProbeDue;
import sdlab.repl.ReplTimers.RequestTimeout;

/**
 * An operator's one-shot tool that adds a replica to a running store, as {@link Provisioner} does in chapter 8 but
 * driven by an operator rather than a schedule: it asks the store's nodes which is primary (the one that was primary
 * at the start may have been replaced), tells the empty node to join that one from a snapshot ({@link JoinFrom}), and
 * polls the joiner until it reports itself ready: its snapshot loaded and the primary's first shipment received. The
 * operation then completes with a {@link Joined}; if no primary answers, or the joiner is not ready within the
 * timeout, it completes unknown (the join may still finish).
 */
public final class JoinOperator implements Client {
    /** The one operation: join the configured node. */
    public static final String JOIN = "join";

    /**
     * @param joiner the empty node to add
     * @param store the store's nodes, one of which is primary
     * @param pollNanos how often to ask again who is primary, or how far the joiner is
     * @param timeoutNanos how long the whole join may take before the operation ends unknown
     */
    public record Settings(NodeId joiner, List<NodeId> store, long pollNanos, long timeoutNanos) {
        public Settings {
            Objects.requireNonNull(joiner, "joiner");
            store = List.copyOf(store);
            if (store.isEmpty() || store.contains(joiner)) {
                throw new IllegalArgumentException("the store must name its nodes, and not the joiner among them");
            }
            if (pollNanos <= 0 || timeoutNanos <= 0) {
                throw new IllegalArgumentException("the poll and the timeout must be positive");
            }
        }
    }

    /**
     * The join's result: whom the joiner copies, the position it had applied when it first reported ready, and how
     * long that took from the {@link JoinFrom}, by the operator's clock (within one poll).
     */
    public record Joined(NodeId primary, long appliedPosition, long readyAfterNanos) {}

    private enum Phase {
        IDLE,
        FINDING_PRIMARY,
        LOADING,
        DONE
    }

    private final Settings settings;
    private Phase phase = Phase.IDLE;
    private long opId;
    private long round;
    private NodeId primary;
    private long joinSentNanos;

    public JoinOperator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void onStart(ClientContext ctx) {}

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        if (!invocation.f().equals(JOIN) || phase != Phase.IDLE) {
            ctx.complete(invocation.opId(), Outcome.fail("this operator runs one join, once"));
            return;
        }
        opId = invocation.opId();
        phase = Phase.FINDING_PRIMARY;
        askWhoIsPrimary(ctx);
        ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new LagProbeDue());
        ctx.setTimer(Duration.ofNanos(settings.timeoutNanos()), new RequestTimeout(opId));
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case Status status
            when phase == Phase.FINDING_PRIMARY
                    && status.primary()
                    && settings.store().contains(from) -> {
                primary = from;
                phase = Phase.LOADING;
                joinSentNanos = ctx.nowNanos();
                ctx.note("asking " + settings.joiner() + " to join " + primary + " from a snapshot");
                ctx.send(settings.joiner(), new JoinFrom(primary));
            }
            case LagReport report
            when phase == Phase.LOADING && report.ready() && from.equals(settings.joiner()) -> {
                phase = Phase.DONE;
                ctx.complete(
                        opId,
                        Outcome.ok(new Joined(primary, report.appliedPosition(), ctx.nowNanos() - joinSentNanos)));
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case LagProbeDue due
            when phase == Phase.FINDING_PRIMARY || phase == Phase.LOADING -> {
                if (phase == Phase.FINDING_PRIMARY) {
                    askWhoIsPrimary(ctx);
                } else {
                    ctx.send(settings.joiner(), new LagProbe(++round));
                }
                ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new LagProbeDue());
            }
            case RequestTimeout timeout
            when phase == Phase.FINDING_PRIMARY || phase == Phase.LOADING -> {
                String reason = phase == Phase.FINDING_PRIMARY
                        ? "no node of " + settings.store() + " said it was primary"
                        : settings.joiner() + " was not ready (its snapshot loaded and linked to " + primary
                                + ") in time; it may still be";
                phase = Phase.DONE;
                ctx.complete(opId, Outcome.unknown(reason));
            }
            default -> {}
        }
    }

    private void askWhoIsPrimary(NodeContext ctx) {
        round++;
        for (NodeId node : settings.store()) {
            ctx.send(node, new StatusRequest(round));
        }
    }
}
