package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import sdlab.consensus.raft.RaftMessages.Applied;
import sdlab.consensus.raft.RaftMessages.ClientReply;
import sdlab.consensus.raft.RaftMessages.ClientRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.Read;
import sdlab.consensus.raft.RaftMessages.ReadOk;
import sdlab.consensus.raft.RaftMessages.Submit;
import sdlab.consensus.raft.RaftTimers.AttemptTimeout;
import sdlab.consensus.raft.RaftTimers.GiveUp;
import sdlab.consensus.raft.RaftTimers.Retry;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;

/**
 * A client of the Raft key-value store: turns the workload's operations into requests to the
 * node it believes leads, follows {@link NotLeader} redirects, and retries a write with the same
 * session sequence number until it learns how it ended, so that the write applies at most once.
 *
 * <ul>
 *   <li>{@code write} / {@code put} (value: null, a Long or a String): {@code Ok(value)} once
 *       applied; {@code Unknown} when the client gives up (it may still commit).
 *   <li>{@code cas} (value: the list {@code [expected, new]}): {@code Ok([expected, new])} if
 *       the compare matched, {@code Fail} if it did not (applied, changed nothing); {@code
 *       Unknown} when the client gives up.
 *   <li>{@code txn} (value: a {@link TxnRequest}): {@code Ok(}{@link TxnResult}{@code )} once
 *       applied, whether its conditions held or not (the result says); {@code Unknown} when the
 *       client gives up.
 *   <li>{@code read} / {@code get}: {@code Ok(value)}, linearizable (ReadIndex); {@code Fail}
 *       when the client gives up: a read changes nothing.
 * </ul>
 *
 * One operation at a time (a session's writes must apply in order); further invocations wait in
 * a bounded queue. A null key (a single-register workload) is the key {@code ""}.
 */
public final class RaftClient implements Client {
    /** Invocations waiting behind the current one, at most; more fail at once (nothing was sent). */
    static final int QUEUED_MAX = 1024;

    private final RaftConfig config;
    private final List<NodeId> nodes;
    private final ArrayDeque<Invocation> queued = new ArrayDeque<>();
    private String session;
    private long nextRequestId;
    private NodeId leader;
    private Current current;

    /** The operation in progress and the request that carries it (the same on every retry). */
    private static final class Current {
        final Invocation invocation;
        final ClientRequest request;
        final boolean write;
        final TimerId giveUp;
        TimerId attempt;
        int redirects;

        Current(Invocation invocation, ClientRequest request, TimerId giveUp) {
            this.invocation = invocation;
            this.request = request;
            this.write = request instanceof Submit;
            this.giveUp = giveUp;
        }
    }

    public RaftClient(RaftConfig config, List<NodeId> nodes) {
        this.config = Objects.requireNonNull(config, "config");
        this.nodes = List.copyOf(nodes);
        if (this.nodes.isEmpty()) {
            throw new IllegalArgumentException("a Raft client needs at least one node to talk to");
        }
    }

    @Override
    public void onStart(ClientContext ctx) {
        // A fresh session per client life: sequence numbers restart, so the session id must too.
        session = ctx.self().name() + "/" + Long.toHexString(ctx.random().nextLong());
        leader = nodes.get(ctx.random().nextInt(nodes.size()));
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        if (current == null) {
            begin(invocation, ctx);
        } else if (queued.size() < QUEUED_MAX) {
            queued.addLast(invocation);
        } else {
            ctx.complete(invocation.opId(), Outcome.fail("client has too many operations waiting"));
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        if (!(message instanceof ClientReply reply)
                || current == null
                || reply.requestId() != current.request.requestId()) {
            return; // an answer to an attempt already finished
        }
        switch (reply) {
            case Applied applied -> finish(outcomeOf(applied), ctx);
            case RaftMessages.TxnApplied txn ->
                finish(Outcome.ok(new TxnResult(txn.succeeded(), txn.failedCondition(), txn.before())), ctx);
            case ReadOk ok -> finish(Outcome.ok(ok.value()), ctx);
            case NotLeader notLeader -> redirect(from, notLeader, ctx);
            case RaftMessages.MembersChanged changed -> {} // answers an administrator, not this client
            case RaftMessages.ChangeRefused refused -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (current == null) {
            return;
        }
        switch (timer) {
            case AttemptTimeout timeout
            when timeout.requestId() == current.request.requestId() -> {
                leader = after(leader);
                send(ctx);
            }
            case Retry retry when retry.requestId() == current.request.requestId() -> send(ctx);
            case GiveUp giveUp
            when giveUp.requestId() == current.request.requestId() -> {
                String reason = "no answer within " + config.clientGiveUpMs() + " ms";
                finish(current.write ? Outcome.unknown(reason) : Outcome.fail(reason), ctx);
            }
            default -> {}
        }
    }

    private void begin(Invocation invocation, ClientContext ctx) {
        ClientRequest request = request(invocation);
        if (request == null) {
            ctx.complete(
                    invocation.opId(),
                    Outcome.fail("unsupported operation " + invocation.f() + " " + invocation.value()
                            + ": the Raft store takes read/get, write/put of null, a Long or a String,"
                            + ", cas [expected new] and txn with a TxnRequest"));
            startNext(ctx);
            return;
        }
        TimerId giveUp = ctx.setTimer(Duration.ofMillis(config.clientGiveUpMs()), new GiveUp(request.requestId()));
        current = new Current(invocation, request, giveUp);
        send(ctx);
    }

    private ClientRequest request(Invocation invocation) {
        String key = invocation.key() == null ? "" : invocation.key();
        long id = ++nextRequestId;
        Object value = invocation.value();
        return switch (invocation.f()) {
            case "read", "get" -> new Read(id, key);
            case "write", "put" ->
                Command.isStorable(value) ? new Submit(new Command.Put(session, id, key, value)) : null;
            case "cas" -> {
                if (value instanceof List<?> pair
                        && pair.size() == 2
                        && Command.isStorable(pair.get(0))
                        && Command.isStorable(pair.get(1))) {
                    yield new Submit(new Command.Cas(session, id, key, pair.get(0), pair.get(1)));
                }
                yield null;
            }
            case "txn" ->
                value instanceof TxnRequest txn
                        ? new Submit(new Command.Txn(session, id, txn.conditions(), txn.writes()))
                        : null;
            default -> null;
        };
    }

    private void send(ClientContext ctx) {
        cancelAttempt(ctx);
        current.attempt = ctx.setTimer(
                Duration.ofMillis(config.clientAttemptTimeoutMs()), new AttemptTimeout(current.request.requestId()));
        ctx.send(leader, current.request);
    }

    /** Goes straight to a hinted leader; without a hint (or after a round of hints), waits a heartbeat first. */
    private void redirect(NodeId from, NotLeader notLeader, ClientContext ctx) {
        current.redirects++;
        boolean hinted = notLeader.leaderHint().isPresent()
                && !notLeader.leaderHint().get().equals(from);
        leader = hinted ? notLeader.leaderHint().get() : after(from);
        if (hinted && current.redirects % nodes.size() != 0) {
            send(ctx);
            return;
        }
        cancelAttempt(ctx);
        current.attempt =
                ctx.setTimer(Duration.ofMillis(config.heartbeatIntervalMs()), new Retry(current.request.requestId()));
    }

    private Outcome outcomeOf(Applied applied) {
        Invocation invocation = current.invocation;
        if (applied.ok()) {
            return Outcome.ok(invocation.value());
        }
        return Outcome.fail("cas found " + applied.value() + ", not the expected value");
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        cancelAttempt(ctx);
        ctx.cancelTimer(current.giveUp);
        long opId = current.invocation.opId();
        current = null;
        ctx.complete(opId, outcome);
        startNext(ctx);
    }

    private void startNext(ClientContext ctx) {
        if (current == null && !queued.isEmpty()) {
            begin(queued.removeFirst(), ctx);
        }
    }

    private void cancelAttempt(ClientContext ctx) {
        if (current.attempt != null) {
            ctx.cancelTimer(current.attempt);
            current.attempt = null;
        }
    }

    private NodeId after(NodeId node) {
        return nodes.get((nodes.indexOf(node) + 1) % nodes.size());
    }
}
