package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.consensus.raft.RaftMessages.AddServer;
import sdlab.consensus.raft.RaftMessages.ChangeRefused;
import sdlab.consensus.raft.RaftMessages.MembersChanged;
import sdlab.consensus.raft.RaftMessages.MembershipRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.RemoveServer;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * An administrator as a simulated node: it makes a scripted sequence of membership changes, one
 * after another, each {@code pause} after the previous one was answered. It follows NotLeader
 * hints, tries the next node when one does not answer, and retries a refused change (another
 * one may still be in progress) until it is made. Never crashed: it is not in the fault plan.
 */
final class ScriptedAdmin implements Node {
    /** Attempts at one step, at most: a step that never succeeds leaves the rest of the script undone. */
    static final int ATTEMPTS_MAX = 500;

    /** Add or remove {@code server}; with {@code server} null, remove the leader {@link #pinLeader} names. */
    record Step(boolean add, NodeId server) {
        static Step add(String server) {
            return new Step(true, NodeId.of(server));
        }

        static Step remove(String server) {
            return new Step(false, NodeId.of(server));
        }

        static Step removeLeader() {
            return new Step(false, null);
        }

        /** Steps that a chaotic administrator draws from: add or remove any of {@code nodes}. */
        static List<Step> anyOf(List<NodeId> nodes) {
            List<Step> steps = new ArrayList<>();
            nodes.forEach(node -> steps.addAll(List.of(new Step(true, node), new Step(false, node))));
            return steps;
        }
    }

    /** Time to send the next attempt (if {@code token} is still the current one). */
    private record Attempt(long token) implements Timer {}

    /** Attempt {@code requestId} got no answer in time: try the next node. */
    private record Timeout(long requestId) implements Timer {}

    private final List<NodeId> nodes;
    private final List<Step> steps;
    private final Duration pause;
    private final boolean eager;
    private boolean chaotic;
    private final List<List<NodeId>> answered = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private int step;
    private int attempts;
    private long requestId;
    private NodeId target;
    private NodeId pinnedLeader;

    ScriptedAdmin(List<NodeId> nodes, List<Step> steps, Duration pause) {
        this(nodes, steps, pause, false);
    }

    /**
     * With {@code eager}, every attempt goes to every node, every 2 ms until one is answered: a
     * new leader hears the request moments after its election, before its no-op can commit.
     */
    ScriptedAdmin(List<NodeId> nodes, List<Step> steps, Duration pause, boolean eager) {
        this.nodes = List.copyOf(nodes);
        this.steps = List.copyOf(steps);
        this.pause = pause;
        this.eager = eager;
    }

    /** The members each completed step ended with, in order. */
    List<List<NodeId>> answered() {
        return answered;
    }

    List<String> refusals() {
        return refusals;
    }

    /**
     * An eager administrator that never finishes: every attempt is a step drawn at random from
     * its script, so that leaders of different terms are asked for different changes.
     */
    static ScriptedAdmin chaotic(List<NodeId> nodes) {
        ScriptedAdmin admin = new ScriptedAdmin(nodes, Step.anyOf(nodes), Duration.ofMillis(1), true);
        admin.chaotic = true;
        return admin;
    }

    /** The server that {@link Step#removeLeader} removes: the test names the leader it saw. */
    void pinLeader(NodeId leader) {
        pinnedLeader = leader;
        target = leader;
    }

    boolean done() {
        return step == steps.size();
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        target = nodes.getFirst();
        retryAfter(pause, ctx);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case MembersChanged changed
            when changed.requestId() == requestId || (eager && !done()) -> {
                answered.add(changed.members());
                step = chaotic ? 0 : step + 1;
                attempts = 0;
                retryAfter(pause, ctx);
            }
            case ChangeRefused refused
            when refused.requestId() == requestId -> {
                refusals.add(refused.reason());
                retryAfter(Duration.ofMillis(50), ctx);
            }
            case NotLeader notLeader when eager -> {} // everybody else was asked too
            case ChangeRefused refused when eager -> refusals.add(refused.reason());
            case NotLeader notLeader
            when notLeader.requestId() == requestId -> {
                boolean hinted = notLeader.leaderHint().isPresent()
                        && !notLeader.leaderHint().get().equals(from);
                target = hinted ? notLeader.leaderHint().get() : after(from);
                retryAfter(Duration.ofMillis(hinted ? 1 : 50), ctx);
            }
            default -> {} // an answer to an earlier attempt
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Attempt attempt when attempt.token() == requestId -> send(ctx);
            case Timeout timeout
            when timeout.requestId() == requestId -> {
                target = after(target);
                send(ctx);
            }
            default -> {}
        }
    }

    private void send(NodeContext ctx) {
        if (done() || (attempts >= ATTEMPTS_MAX && !chaotic)) {
            return;
        }
        attempts++;
        requestId++;
        Step current = chaotic ? steps.get(ctx.random().nextInt(steps.size())) : steps.get(step);
        NodeId server = current.server() == null ? pinnedLeader : current.server();
        if (server == null) {
            retryAfter(Duration.ofMillis(50), ctx); // the leader to remove is not named yet
            return;
        }
        MembershipRequest request =
                current.add() ? new AddServer(requestId, server) : new RemoveServer(requestId, server);
        if (eager) {
            nodes.forEach(node -> ctx.send(node, request));
            ctx.setTimer(Duration.ofMillis(2), new Timeout(requestId));
            return;
        }
        ctx.send(target, request);
        ctx.setTimer(Duration.ofMillis(200), new Timeout(requestId));
    }

    /** The current attempt is over: the next one goes out after {@code delay}. */
    private void retryAfter(Duration delay, NodeContext ctx) {
        requestId++; // answers and timeouts of the attempt that ended no longer match
        ctx.setTimer(delay, new Attempt(requestId));
    }

    private NodeId after(NodeId node) {
        return nodes.get((nodes.indexOf(node) + 1) % nodes.size());
    }
}
