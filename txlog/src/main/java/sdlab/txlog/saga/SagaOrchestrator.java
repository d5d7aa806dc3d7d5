package sdlab.txlog.saga;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.saga.SagaMessages.Accepted;
import sdlab.txlog.saga.SagaMessages.QueryOutcome;
import sdlab.txlog.saga.SagaMessages.SagaResult;
import sdlab.txlog.saga.SagaMessages.StartSaga;
import sdlab.txlog.saga.SagaMessages.StepReply;
import sdlab.txlog.saga.SagaMessages.StepRequest;

/**
 * Drives each saga through the services in order. A step that does not answer within the step timeout is resent (with
 * the same idempotency key); one that is rejected, or still silent after the last attempt, turns the saga around: the
 * steps before it (and, when it went silent, the step itself, which may have applied) are compensated in reverse
 * order, each resent until it is acknowledged. Every change is appended to the saga log and synced; a new saga is
 * acknowledged and started only when its first record is durable, so after a restart the log names every saga a
 * client was promised.
 */
public final class SagaOrchestrator implements Node {

    /** The wait for the answer to one send of a step; stale once the saga has moved on. */
    record StepTimeout(String sagaId, boolean compensating, int step, int attempt) implements Timer {}

    /** A saga whose first record waits for its sync before it is acknowledged and started. */
    private record Waiting(long syncId, String sagaId) {}

    private final SagaConfig config;
    private final Map<String, SagaRun> runs = new LinkedHashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();

    public SagaOrchestrator(SagaConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (!config.durableLog()) {
            return;
        }
        runs.putAll(SagaLog.replay(ctx.disk().read(SagaLog.FILE).orElse(new byte[0])));
        for (SagaRun run : runs.values()) {
            if (!run.finished()) {
                ctx.note("resuming " + run.id() + (run.compensating() ? " compensating" : " forward") + " at step "
                        + run.step());
                send(run, ctx);
            }
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case StartSaga start -> start(from, start, ctx);
            case StepReply reply -> onReply(reply, ctx);
            case QueryOutcome query -> {
                SagaRun run = runs.get(query.sagaId());
                if (run != null && run.finished()) {
                    ctx.send(from, new SagaResult(run.id(), run.outcome()));
                }
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (!(timer instanceof StepTimeout t)) {
            return;
        }
        SagaRun run = runs.get(t.sagaId());
        if (run == null
                || run.finished()
                || run.compensating() != t.compensating()
                || run.step() != t.step()
                || run.attempt() != t.attempt()) {
            return;
        }
        if (!run.compensating() && run.attempt() + 1 >= config.forwardAttempts()) {
            // The step's fate is unknown: it may have applied and only the answer got lost, so it is undone too.
            ctx.note(run.id() + " step " + run.step() + " silent after " + config.forwardAttempts() + " attempts");
            compensateFrom(run, run.step(), ctx);
            return;
        }
        SagaRun again = run.retried();
        runs.put(run.id(), again);
        send(again, ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        List<Waiting> ready = waiting.stream().filter(w -> w.syncId() <= syncId).toList();
        waiting.removeAll(ready);
        for (Waiting w : ready) {
            SagaRun run = runs.get(w.sagaId());
            ctx.send(run.client(), new Accepted(run.id()));
            send(run, ctx);
        }
    }

    private void start(NodeId from, StartSaga start, NodeContext ctx) {
        SagaRun known = runs.get(start.sagaId());
        if (known != null) {
            // A client's resend or a network duplicate: the saga is already under way (or done).
            boolean durable = waiting.stream().noneMatch(w -> w.sagaId().equals(start.sagaId()));
            if (durable) {
                ctx.send(from, new Accepted(known.id()));
            }
            if (known.finished()) {
                ctx.send(from, new SagaResult(known.id(), known.outcome()));
            }
            return;
        }
        SagaRun run = SagaRun.begin(start.sagaId(), start.amount(), start.quantity(), from);
        runs.put(run.id(), run);
        if (!config.durableLog()) {
            ctx.send(from, new Accepted(run.id()));
            send(run, ctx);
            return;
        }
        ctx.disk().append(SagaLog.FILE, SagaLog.begun(run));
        waiting.add(new Waiting(ctx.disk().sync(), run.id()));
    }

    private void onReply(StepReply reply, NodeContext ctx) {
        SagaRun run = runs.get(reply.sagaId());
        if (run == null
                || run.finished()
                || run.compensating() != reply.compensate()
                || run.step() != reply.step()
                || waiting.stream().anyMatch(w -> w.sagaId().equals(reply.sagaId()))) {
            return; // late, duplicated, or for a saga this orchestrator no longer knows
        }
        if (run.compensating()) {
            record(ctx, SagaLog.stepUndone(run.id(), run.step()));
            int next = run.step() - 1;
            if (next == 0 && config.bug() == SagaConfig.Bug.SKIP_FIRST_COMPENSATION) {
                next = -1;
            }
            continueCompensation(run.compensateFrom(next), ctx);
        } else if (!reply.ok()) {
            ctx.note(run.id() + " step " + run.step() + " rejected: compensating the steps before it");
            compensateFrom(run, run.step() - 1, ctx);
        } else {
            record(ctx, SagaLog.stepDone(run.id(), run.step()));
            int next = run.step() + 1;
            if (next == config.services().size()) {
                finish(run, SagaOutcome.DONE, ctx);
            } else {
                SagaRun moved = run.forwardTo(next);
                runs.put(run.id(), moved);
                send(moved, ctx);
            }
        }
    }

    private void compensateFrom(SagaRun run, int step, NodeContext ctx) {
        record(ctx, SagaLog.compensationBegun(run.id(), step));
        continueCompensation(run.compensateFrom(step), ctx);
    }

    private void continueCompensation(SagaRun run, NodeContext ctx) {
        if (run.step() < 0) {
            finish(run, SagaOutcome.COMPENSATED, ctx);
            return;
        }
        runs.put(run.id(), run);
        send(run, ctx);
    }

    private void finish(SagaRun run, SagaOutcome outcome, NodeContext ctx) {
        record(ctx, SagaLog.ended(run.id(), outcome));
        runs.put(run.id(), run.end(outcome));
        ctx.send(run.client(), new SagaResult(run.id(), outcome));
    }

    private void send(SagaRun run, NodeContext ctx) {
        if (!run.compensating() && run.step() >= config.services().size()) {
            finish(run, SagaOutcome.DONE, ctx);
            return;
        }
        if (run.compensating() && run.step() < 0) {
            finish(run, SagaOutcome.COMPENSATED, ctx);
            return;
        }
        String key =
                config.idempotencyKeys() ? run.id() + "/" + run.step() + (run.compensating() ? "/undo" : "/do") : "";
        ctx.send(
                config.services().get(run.step()),
                new StepRequest(run.id(), run.step(), run.compensating(), key, run.amount(), run.quantity()));
        ctx.setTimer(config.stepTimeout(), new StepTimeout(run.id(), run.compensating(), run.step(), run.attempt()));
    }

    /** Appends a change to the saga log and asks for a sync; waiting for it is not needed, since a resend is safe. */
    private void record(NodeContext ctx, byte[] line) {
        if (config.durableLog()) {
            ctx.disk().append(SagaLog.FILE, line);
            ctx.disk().sync();
        }
    }
}
