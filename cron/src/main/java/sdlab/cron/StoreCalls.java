package sdlab.cron;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.RaftMessages.Applied;
import sdlab.consensus.raft.RaftMessages.ClientReply;
import sdlab.consensus.raft.RaftMessages.ClientRequest;
import sdlab.consensus.raft.RaftMessages.NotLeader;
import sdlab.consensus.raft.RaftMessages.Read;
import sdlab.consensus.raft.RaftMessages.ReadOk;
import sdlab.consensus.raft.RaftMessages.Submit;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.cron.CronTimers.StoreAttempt;
import sdlab.cron.CronTimers.StoreGiveUp;
import sdlab.cron.CronTimers.StoreRetry;

/**
 * The scheduler's client of the Raft key-value store, as a node-side helper: one operation at a
 * time in a session of its own, redirects followed, a write retried with its sequence number so
 * that it applies at most once, and an operation given up after a bound (then unknown, as the
 * store's own {@code RaftClient} does).
 */
final class StoreCalls {
    /** Operations waiting behind the current one, at most; more are refused at once. */
    static final int QUEUED_MAX = 16;

    private final SchedulerConfig config;
    private final String session;
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    private long nextRequestId;
    private NodeId leader;
    private Pending current;

    /** How a store operation ended. */
    sealed interface Result {
        /** Read: the value (null if absent). Write: applied. */
        record Ok(Object value) implements Result {}

        /** The cas did not match; {@code current} is the key's value. */
        record CasFailed(Object current) implements Result {}

        /** No answer in time: a write may or may not have applied; a read learnt nothing. */
        record Unknown() implements Result {}
    }

    /** An operation and why it was asked. */
    record Completion(StorePurpose purpose, Result result) {}

    private static final class Pending {
        final ClientRequest request;
        final StorePurpose purpose;
        TimerId attempt;
        TimerId giveUp;

        Pending(ClientRequest request, StorePurpose purpose) {
            this.request = request;
            this.purpose = purpose;
        }
    }

    StoreCalls(SchedulerConfig config, String session, NodeId firstGuess) {
        this.config = config;
        this.session = session;
        this.leader = firstGuess;
    }

    /** Whether an operation for {@code purpose}'s kind is in progress or waiting. */
    boolean busyWith(Class<? extends StorePurpose> kind) {
        return (current != null && kind.isInstance(current.purpose))
                || queued.stream().anyMatch(p -> kind.isInstance(p.purpose));
    }

    /** Reads {@code key}; false if too many operations wait. */
    boolean read(String key, StorePurpose purpose, NodeContext ctx) {
        return enqueue(new Read(++nextRequestId, key), purpose, ctx);
    }

    /** Sets {@code key} from {@code expected} to {@code value} (null: absent); false if too many wait. */
    boolean cas(String key, Object expected, Object value, StorePurpose purpose, NodeContext ctx) {
        return enqueue(new Submit(new Command.Cas(session, ++nextRequestId, key, expected, value)), purpose, ctx);
    }

    /** Sets {@code key} to {@code value}; false if too many wait. */
    boolean put(String key, Object value, StorePurpose purpose, NodeContext ctx) {
        return enqueue(new Submit(new Command.Put(session, ++nextRequestId, key, value)), purpose, ctx);
    }

    /** Handles a store node's reply; returns the completed operation, if this reply completed one. */
    Optional<Completion> onReply(NodeId from, ClientReply reply, NodeContext ctx) {
        if (current == null || reply.requestId() != current.request.requestId()) {
            return Optional.empty();
        }
        return switch (reply) {
            case Applied applied ->
                finish(applied.ok() ? new Result.Ok(applied.value()) : new Result.CasFailed(applied.value()), ctx);
            case ReadOk ok -> finish(new Result.Ok(ok.value()), ctx);
            case NotLeader notLeader -> {
                redirect(from, notLeader, ctx);
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    /** Handles one of this helper's timers; returns the operation it gave up on, if any. */
    Optional<Completion> onTimer(Timer timer, NodeContext ctx) {
        if (current == null) {
            return Optional.empty();
        }
        long id = current.request.requestId();
        return switch (timer) {
            case StoreAttempt attempt
            when attempt.requestId() == id -> {
                leader = after(leader);
                send(ctx);
                yield Optional.empty();
            }
            case StoreRetry retry
            when retry.requestId() == id -> {
                send(ctx);
                yield Optional.empty();
            }
            case StoreGiveUp giveUp when giveUp.requestId() == id -> finish(new Result.Unknown(), ctx);
            default -> Optional.empty();
        };
    }

    private boolean enqueue(ClientRequest request, StorePurpose purpose, NodeContext ctx) {
        if (queued.size() >= QUEUED_MAX) {
            ctx.note("store call refused: " + QUEUED_MAX + " already waiting");
            return false;
        }
        queued.addLast(new Pending(request, purpose));
        startNext(ctx);
        return true;
    }

    private void startNext(NodeContext ctx) {
        if (current != null || queued.isEmpty()) {
            return;
        }
        current = queued.removeFirst();
        current.giveUp =
                ctx.setTimer(Duration.ofNanos(config.storeGiveUpNanos()), new StoreGiveUp(current.request.requestId()));
        send(ctx);
    }

    private void send(NodeContext ctx) {
        cancelAttempt(ctx);
        current.attempt = ctx.setTimer(
                Duration.ofNanos(config.storeAttemptNanos()), new StoreAttempt(current.request.requestId()));
        ctx.send(leader, current.request);
    }

    private void redirect(NodeId from, NotLeader notLeader, NodeContext ctx) {
        Optional<NodeId> hint = notLeader.leaderHint().filter(h -> !h.equals(from));
        if (hint.isPresent()) {
            leader = hint.get();
            send(ctx);
            return;
        }
        // No leader known (an election is on): wait a little rather than spin through the nodes.
        leader = after(from);
        cancelAttempt(ctx);
        current.attempt = ctx.setTimer(
                Duration.ofNanos(config.storeAttemptNanos() / 4), new StoreRetry(current.request.requestId()));
    }

    private Optional<Completion> finish(Result result, NodeContext ctx) {
        cancelAttempt(ctx);
        ctx.cancelTimer(current.giveUp);
        Completion done = new Completion(current.purpose, result);
        current = null;
        startNext(ctx);
        return Optional.of(done);
    }

    private void cancelAttempt(NodeContext ctx) {
        if (current.attempt != null) {
            ctx.cancelTimer(current.attempt);
            current.attempt = null;
        }
    }

    private NodeId after(NodeId node) {
        List<NodeId> nodes = config.store();
        return nodes.get((nodes.indexOf(node) + 1) % nodes.size());
    }
}
