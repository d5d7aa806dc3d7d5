package sdlab.repl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplMessages.AddCandidate;
import sdlab.repl.ReplMessages.CandidateAdded;
import sdlab.repl.ReplMessages.Demote;
import sdlab.repl.ReplMessages.Follow;
import sdlab.repl.ReplMessages.NewPrimary;
import sdlab.repl.ReplMessages.Promote;
import sdlab.repl.ReplMessages.Status;
import sdlab.repl.ReplMessages.StatusRequest;
import sdlab.repl.ReplTimers.CollectOver;
import sdlab.repl.ReplTimers.ProbeDue;

/**
 * An active-passive failover manager (MHA, Orchestrator, Sentinel, a cloud's health-checked failover): it probes the
 * primary every {@code checkIntervalNanos} with its {@link HealthCheck}; after {@code failuresMax} failed probes in a
 * row it asks the other nodes where they are, promotes the most advanced (ties to the lowest id), points the rest and
 * the clients at it, and watches the new primary. At every check it tells every other node again who the primary
 * is ({@link Demote}): a primary it replaced may be paused or cut off, and learns it only when that gets through; a
 * replica that missed the promotion learns whom to follow.
 *
 * <p>It has no means of its own to stop a primary it cannot reach: with a port or query check, a primary on the far
 * side of a cut goes on taking writes from the clients on its side. The lease check does not stop it either; the
 * primary's own lease does (it stops taking writes when it cannot renew), and the fencing token stops what it had
 * already taken.
 *
 * <p>The candidates can grow while it runs: an operator adding a replica registers it first ({@link AddCandidate}),
 * and the manager counts it, and waits for one more answer at a failover, once that is synced to its disk. Why one
 * more, and why before the replica joins, is {@link CandidateSet}'s design note.
 */
public final class FailoverManager implements Node {

    /**
     * What the manager watches and how.
     *
     * @param primary the primary at the start
     * @param nodes every node of the store at the start, the primary included: the candidates for promotion; replicas
     *     added later join them ({@link AddCandidate})
     * @param clients told of each new primary
     * @param check the health check
     * @param checkIntervalNanos how often the primary is probed; a probe's answer must come before the next
     * @param failuresMax how many failed probes in a row trigger a failover
     * @param collectNanos how long to wait for the candidates' positions
     * @param answersMin how many candidates must report their position before one is promoted: 1 promotes the most
     *     advanced of whoever answers (MHA's way, which may pass over a cut-off replica that holds acknowledged
     *     commits); with commits acknowledged by {@code k} of {@code n} replicas, {@code n - k + 1} answers always
     *     include one that holds every acknowledged commit. Too few answers and the manager goes back to probing. It
     *     grows by one with each candidate added later.
     */
    public record Settings(
            NodeId primary,
            List<NodeId> nodes,
            List<NodeId> clients,
            HealthCheck check,
            long checkIntervalNanos,
            int failuresMax,
            long collectNanos,
            int answersMin) {
        public Settings {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(check, "check");
            nodes = List.copyOf(nodes);
            clients = List.copyOf(clients);
            if (!nodes.contains(primary) || nodes.size() < 2) {
                throw new IllegalArgumentException("the nodes must hold the primary and at least one other");
            }
            if (checkIntervalNanos <= 0 || failuresMax < 1 || collectNanos <= 0) {
                throw new IllegalArgumentException("the manager needs positive times and failuresMax >= 1");
            }
            if (answersMin < 1 || answersMin >= nodes.size()) {
                throw new IllegalArgumentException(
                        "answersMin must be between 1 and the " + (nodes.size() - 1) + " candidates");
            }
        }
    }

    private enum Phase {
        WATCHING,
        COLLECTING
    }

    private final Settings settings;
    private final long startGraceNanos;
    private final Bug bug;
    /** Read from the disk at the start. */
    private CandidateSet members;
    /** The addition being synced, and who asked for it; one at a time (a second operator asks again later). */
    private AddCandidate adding;

    private NodeId addingFor;
    private long addingSyncId = -1;
    private final Map<NodeId, Long> positions = new TreeMap<>();

    private NodeId primary;
    private Phase phase = Phase.WATCHING;
    private long round;
    private boolean passed = true;
    /** Whether the last probe was answered at all, passing or not. */
    private boolean answered = true;
    /** Whether a probe went out at the last check: only a probe that had a whole interval to pass can fail. */
    private boolean probed;

    private int failures;
    /** No probe counts before this time (by this node's clock): the grace after a promotion. */
    private long probeFromNanos;

    public FailoverManager(Settings settings) {
        this(settings, 0);
    }

    /**
     * A manager that counts no probe for {@code startGraceNanos} after it starts. Processes of a real cluster come up
     * in any order and at any speed: a manager that starts before the primary could take its lease would otherwise
     * fail it over at once. The simulator starts every node at time 0 and needs none.
     */
    public FailoverManager(Settings settings, long startGraceNanos) {
        this(settings, startGraceNanos, Bug.NONE);
    }

    /** A manager with a planted bug in how it adds candidates ({@link Bug#ANSWERS_MIN_FIXED} and the like). */
    public FailoverManager(Settings settings, long startGraceNanos, Bug bug) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bug = Objects.requireNonNull(bug, "bug");
        this.primary = settings.primary();
        if (startGraceNanos < 0) {
            throw new IllegalArgumentException("the start grace cannot be negative");
        }
        this.startGraceNanos = startGraceNanos;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        members = CandidateSet.recover(settings.nodes(), settings.answersMin(), bug, ctx.disk());
        adding = null;
        addingSyncId = -1;
        if (startGraceNanos > 0) {
            probeFromNanos = ctx.nowNanos() + startGraceNanos;
        }
        ctx.setTimer(Duration.ofNanos(settings.checkIntervalNanos()), new ProbeDue());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof AddCandidate add) {
            onAddCandidate(from, add, ctx);
        } else if (phase == Phase.COLLECTING && message instanceof Status status && status.round() == round) {
            onPosition(from, status, ctx);
        } else if (phase == Phase.WATCHING) {
            if (settings.check().passes(primary, round, from, message)) {
                passed = true;
            }
            if (settings.check().answers(round, message)) {
                answered = true;
            }
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case ProbeDue due -> onProbeDue(ctx);
            case CollectOver over -> {
                if (phase == Phase.COLLECTING && over.round() == round) {
                    if (positions.size() >= members.answersMin()) {
                        promoteMostAdvanced(ctx);
                    } else {
                        resumeWatching(ctx);
                    }
                }
            }
            default -> {}
        }
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        if (syncId != addingSyncId) {
            return;
        }
        members.add(adding.candidate());
        ctx.note("candidate " + adding.candidate() + " added: " + members.nodes() + ", a failover waits for "
                + members.answersMin() + " answers");
        confirm(addingFor, adding.candidate(), ctx);
        adding = null;
        addingSyncId = -1;
    }

    /** The node the manager treats as primary now. */
    public NodeId primary() {
        return primary;
    }

    /** Every node of the store the manager knows, the primary included: the start's and those added since. */
    public List<NodeId> nodes() {
        return members.nodes();
    }

    /** How many candidates must report their position before one is promoted, with the set as it is now. */
    public int answersMin() {
        return members.answersMin();
    }

    /**
     * Counts {@code add}'s replica once the grown set is on disk, then confirms; a replica already counted is
     * confirmed at once. While one addition is being synced, another is not answered: its operator asks again.
     */
    private void onAddCandidate(NodeId from, AddCandidate add, NodeContext ctx) {
        if (members.contains(add.candidate()) || bug == Bug.ADDED_REPLICA_NOT_CANDIDATE) {
            confirm(from, add.candidate(), ctx);
        } else if (adding == null) {
            adding = add;
            addingFor = from;
            addingSyncId = members.persistWith(add.candidate(), ctx.disk());
        }
    }

    private void confirm(NodeId operator, NodeId candidate, NodeContext ctx) {
        ctx.send(operator, new CandidateAdded(candidate, members.nodes(), members.answersMin()));
    }

    private void onProbeDue(NodeContext ctx) {
        ctx.setTimer(Duration.ofNanos(settings.checkIntervalNanos()), new ProbeDue());
        if (phase != Phase.WATCHING) {
            return;
        }
        boolean probing = ctx.nowNanos() >= probeFromNanos;
        if (probing && probed) {
            if (passed) {
                failures = 0;
            } else if (answered || settings.check().silenceFails()) {
                failures++;
            } else {
                ctx.note("no answer to the " + settings.check().name() + " check: no verdict on " + primary);
            }
        }
        if (probing && failures >= settings.failuresMax()) {
            // No Demote naming the old primary now: the network may deliver it after the Promote that follows, and
            // the promoted node would step down to follow a primary that is gone.
            ctx.note("primary " + primary + " failed " + failures + " "
                    + settings.check().name() + " checks in a row: failing over");
            collect(ctx);
            return;
        }
        candidates().forEach(node -> ctx.send(node, new Demote(primary)));
        if (!probing) {
            return;
        }
        passed = false;
        answered = false;
        probed = true;
        settings.check().probe(primary, ++round, ctx);
    }

    private void collect(NodeContext ctx) {
        phase = Phase.COLLECTING;
        probed = false;
        positions.clear();
        round++;
        for (NodeId node : candidates()) {
            ctx.send(node, new StatusRequest(round));
        }
        ctx.setTimer(Duration.ofNanos(settings.collectNanos()), new CollectOver(round));
    }

    /**
     * Too few candidates answered to promote safely: probe the primary again at the next check, and fail over if that
     * probe fails (it may have come back meanwhile, or the candidates may be reachable by then). The probe waits for
     * the check so that it has a whole interval to pass: sent now, it would be judged at a check that may come at
     * once (the collection lasting a multiple of the interval), and a primary that had recovered would be failed over
     * all the same.
     */
    private void resumeWatching(NodeContext ctx) {
        ctx.note("only " + positions.size() + " of " + members.answersMin() + " candidates answered: not failing over");
        phase = Phase.WATCHING;
        failures = settings.failuresMax() - 1;
        passed = false;
        probed = false;
    }

    private void onPosition(NodeId from, Status status, NodeContext ctx) {
        if (!candidates().contains(from)) {
            return;
        }
        positions.put(from, status.lastPosition());
        if (positions.size() == candidates().size()) {
            promoteMostAdvanced(ctx);
        }
    }

    private List<NodeId> candidates() {
        return members.nodes().stream().filter(node -> !node.equals(primary)).toList();
    }

    /**
     * Promotes the most advanced answer (ties to the lowest id). A node still loading a snapshot answers with {@link
     * Status#LOADING}: its answer counts towards {@code answersMin} (it has acknowledged nothing, so it stands for a
     * replica without the commits, which the bound allows for), but it is never promoted.
     */
    private void promoteMostAdvanced(NodeContext ctx) {
        NodeId chosen = null;
        for (Map.Entry<NodeId, Long> candidate : positions.entrySet()) {
            boolean promotable = candidate.getValue() != Status.LOADING;
            if (promotable && (chosen == null || candidate.getValue() > positions.get(chosen))) {
                chosen = candidate.getKey();
            }
        }
        if (chosen == null) {
            ctx.note("every answer came from a node still loading a snapshot: " + positions);
            resumeWatching(ctx);
            return;
        }
        NodeId winner = chosen;
        NodeId old = primary;
        List<NodeId> others =
                members.nodes().stream().filter(node -> !node.equals(winner)).toList();
        ctx.note("promoting " + winner + " at position " + positions.get(winner) + " of " + positions + " in place of "
                + old);
        ctx.send(winner, new Promote(others));
        others.stream().filter(node -> !node.equals(old)).forEach(node -> ctx.send(node, new Follow(winner)));
        settings.clients().forEach(client -> ctx.send(client, new NewPrimary(winner)));
        ctx.send(old, new Demote(winner));
        primary = winner;
        probeFromNanos = ctx.nowNanos() + settings.check().graceAfterPromotionNanos();
        phase = Phase.WATCHING;
        passed = true;
        failures = 0;
    }
}
