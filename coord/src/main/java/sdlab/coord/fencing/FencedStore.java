package sdlab.coord.fencing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.coord.fencing.FencingMessages.Answer;
import sdlab.coord.fencing.FencingMessages.DuplicateKey;
import sdlab.coord.fencing.FencingMessages.FencedRead;
import sdlab.coord.fencing.FencingMessages.FencedWrite;
import sdlab.coord.fencing.FencingMessages.ReadValue;
import sdlab.coord.fencing.FencingMessages.StaleToken;
import sdlab.coord.fencing.FencingMessages.Written;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;

/**
 * The fenced storage node: decides each write with {@link FencedState}, appends what it accepts
 * to {@link FencedLog}, and answers only once a sync issued after the decision completes. An
 * answer therefore never rests on a write that a crash could still undo: neither an
 * acknowledgement, nor a refusal made because of an unsynced write.
 */
public final class FencedStore implements Node {
    /** Answers waiting for a sync, at most; a write beyond that gets no answer (its writer times out). */
    static final int WAITING_MAX = 10_000;

    private final FencingPolicy policy;
    private FencedState state;
    private final Map<Long, List<Waiting>> waitingForSync = new HashMap<>();
    private int waiting;
    private long accepted;
    private long refusedStale;
    private long refusedDuplicate;

    /** What this process decided since it started; {@code refusedStale} counts writes and reads refused by token. */
    public record Counts(long accepted, long refusedStale, long refusedDuplicate) {}

    private record Waiting(NodeId to, Answer message) {}

    public FencedStore(FencingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        state = new FencedState(policy);
        List<AppliedWrite> log = FencedLog.read(ctx.disk());
        log.forEach(state::apply);
        if (FencedLog.hasTornTail(ctx.disk())) {
            // Appending after a torn line would glue the next write onto it: rewrite the whole lines first.
            ctx.disk().write(FencedLog.FILE, FencedLog.completeLines(log));
            ctx.disk().sync();
            ctx.note("fenced log: dropped a torn last line after the crash");
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (waiting >= WAITING_MAX) {
            ctx.note("fenced request from " + from + " dropped: " + WAITING_MAX + " waiting");
            return;
        }
        switch (message) {
            case FencedWrite write -> answerAfterSync(from, write(from, write, ctx), ctx);
            case FencedRead read -> answerAfterSync(from, read(from, read, ctx), ctx);
            default -> {}
        }
    }

    private Answer read(NodeId from, FencedRead read, NodeContext ctx) {
        if (state.decideRead(from.name(), read) == FencedState.Decision.STALE_TOKEN) {
            refusedStale++;
            ctx.note("stale token " + read.token() + " from " + from + " refused a read of " + read.resource());
            return new StaleToken(read.requestId(), state.highestTokenFor(from.name(), read.resource()));
        }
        state.observe(from.name(), read.resource(), read.token());
        return new ReadValue(read.requestId(), state.value(read.resource()).orElse(""));
    }

    /** Answers once a sync issued now completes: a read may have seen a write not yet durable. */
    private void answerAfterSync(NodeId to, Answer answer, NodeContext ctx) {
        long syncId = ctx.disk().sync();
        waitingForSync.computeIfAbsent(syncId, id -> new ArrayList<>()).add(new Waiting(to, answer));
        waiting++;
    }

    private Answer write(NodeId from, FencedWrite write, NodeContext ctx) {
        return switch (state.decide(from.name(), write)) {
            case ACCEPT -> accept(from, write, ctx);
            case STALE_TOKEN -> {
                refusedStale++;
                ctx.note("stale token " + write.token() + " from " + from + " refused for " + write.resource());
                yield new StaleToken(write.requestId(), state.highestTokenFor(from.name(), write.resource()));
            }
            case DUPLICATE_KEY -> {
                refusedDuplicate++;
                yield new DuplicateKey(write.requestId(), write.idempotencyKey());
            }
        };
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        List<Waiting> answers = waitingForSync.remove(syncId);
        if (answers == null) {
            return;
        }
        waiting -= answers.size();
        for (Waiting answer : answers) {
            ctx.send(answer.to(), answer.message());
        }
    }

    /** What this process decided since it started (not across restarts). */
    public Counts counts() {
        return new Counts(accepted, refusedStale, refusedDuplicate);
    }

    /** The decisions' state, for tests and a real server's status page. */
    public FencedState state() {
        return state;
    }

    private Answer accept(NodeId from, FencedWrite write, NodeContext ctx) {
        AppliedWrite applied = new AppliedWrite(
                write.resource(), write.token(), write.idempotencyKey(), write.value(), from.name(), ctx.nowNanos());
        state.apply(applied);
        ctx.disk().append(FencedLog.FILE, FencedLog.encode(applied));
        accepted++;
        return new Written(write.requestId());
    }
}
