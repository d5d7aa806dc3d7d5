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
import sdlab.repl.ReplMessages.AddCandidate;
import sdlab.repl.ReplMessages.CandidateAdded;
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
 * at the start may have been replaced), registers the node with the failover manager as a candidate for promotion
 * if there is one ({@link AddCandidate}, answered once the manager has it on disk), tells the empty node to join that
 * primary from a snapshot ({@link JoinFrom}), and polls the joiner until it reports itself ready: its snapshot loaded
 * and the primary's first shipment received. The operation then completes with a {@link Joined}; if no primary
 * answers, the manager does not confirm, or the joiner is not ready within the timeout, it completes unknown (the join
 * may still finish).
 *
 * <p>The manager comes first so that the primary never counts an acknowledgement from a replica the manager does not
 * wait for at a failover ({@link CandidateSet} says why that matters).
 */
public final class JoinOperator implements Client {
    /** The one operation: join the configured node. */
    public static final String JOIN = "join";

    /**
     * @param joiner the empty node to add
     * @param store the store's nodes, one of which is primary
     * @param pollNanos how often to ask again who is primary, or how far the joiner is
     * @param timeoutNanos how long the whole join may take before the operation ends unknown
     * @param manager the failover manager that must count the joiner as a candidate before it joins, or null for a
     *     store without one
     */
    public record Settings(NodeId joiner, List<NodeId> store, long pollNanos, long timeoutNanos, NodeId manager) {
        /** A join into a store that no failover manager watches. */
        public Settings(NodeId joiner, List<NodeId> store, long pollNanos, long timeoutNanos) {
            this(joiner, store, pollNanos, timeoutNanos, null);
        }

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
     * The join's result: whom the joiner copies (the primary it was told to join, or the one that replaced it while it
     * loaded), the position it had applied when it first reported ready, how long
     * that took from the {@link JoinFrom}, by the operator's clock (within one poll), and how many answers the failover
     * manager now waits for, of how many nodes (0 and 0 without a manager).
     */
    public record Joined(NodeId primary, long appliedPosition, long readyAfterNanos, int answersMin, int candidates) {}

    private enum Phase {
        IDLE,
        FINDING_PRIMARY,
        REGISTERING,
        LOADING,
        DONE
    }

    private final Settings settings;
    private Phase phase = Phase.IDLE;
    private long opId;
    private long round;
    private NodeId primary;
    private long joinSentNanos;
    private CandidateAdded registered;

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
                if (settings.manager() == null) {
                    askToJoin(ctx);
                } else {
                    phase = Phase.REGISTERING;
                    ctx.send(settings.manager(), new AddCandidate(settings.joiner()));
                }
            }
            case CandidateAdded added
            when phase == Phase.REGISTERING
                    && from.equals(settings.manager())
                    && added.candidate().equals(settings.joiner()) -> {
                registered = added;
                ctx.note("the manager counts " + added.candidate() + " among " + added.candidates() + " and waits for "
                        + added.answersMin() + " answers at a failover");
                askToJoin(ctx);
            }
            case LagReport report
            when phase == Phase.LOADING && report.ready() && from.equals(settings.joiner()) -> {
                phase = Phase.DONE;
                if (report.source() != null && !report.source().equals(primary)) {
                    // The primary it was sent to was replaced while it loaded: it started again from the new one.
                    ctx.note(settings.joiner() + " joined " + report.source() + ", not " + primary
                            + ", which was replaced while it loaded");
                    primary = report.source();
                }
                int answersMin = registered == null ? 0 : registered.answersMin();
                int candidates =
                        registered == null ? 0 : registered.candidates().size();
                ctx.complete(
                        opId,
                        Outcome.ok(new Joined(
                                primary,
                                report.appliedPosition(),
                                ctx.nowNanos() - joinSentNanos,
                                answersMin,
                                candidates)));
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        switch (timer) {
            case LagProbeDue due
            when phase != Phase.IDLE && phase != Phase.DONE -> {
                switch (phase) {
                    case FINDING_PRIMARY -> askWhoIsPrimary(ctx);
                    // Asked again until it answers: the request or its answer may be lost, or the manager busy.
                    case REGISTERING -> ctx.send(settings.manager(), new AddCandidate(settings.joiner()));
                    default -> ctx.send(settings.joiner(), new LagProbe(++round));
                }
                ctx.setTimer(Duration.ofNanos(settings.pollNanos()), new LagProbeDue());
            }
            case RequestTimeout timeout
            when phase != Phase.IDLE && phase != Phase.DONE -> {
                String reason =
                        switch (phase) {
                            case FINDING_PRIMARY -> "no node of " + settings.store() + " said it was primary";
                            case REGISTERING ->
                                "the failover manager " + settings.manager() + " did not confirm " + settings.joiner()
                                        + " as a candidate; " + settings.joiner() + " was not asked to join";
                            default ->
                                settings.joiner() + " was not ready (its snapshot loaded and linked to " + primary
                                        + ") in time; it may still be";
                        };
                phase = Phase.DONE;
                ctx.complete(opId, Outcome.unknown(reason));
            }
            default -> {}
        }
    }

    private void askToJoin(NodeContext ctx) {
        phase = Phase.LOADING;
        joinSentNanos = ctx.nowNanos();
        ctx.note("asking " + settings.joiner() + " to join " + primary + " from a snapshot");
        ctx.send(settings.joiner(), new JoinFrom(primary));
    }

    private void askWhoIsPrimary(NodeContext ctx) {
        round++;
        for (NodeId node : settings.store()) {
            ctx.send(node, new StatusRequest(round));
        }
    }
}
