package sdlab.txlog.saga;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.saga.SagaMessages.Accepted;
import sdlab.txlog.saga.SagaMessages.EventAck;
import sdlab.txlog.saga.SagaMessages.QueryOutcome;
import sdlab.txlog.saga.SagaMessages.ReadStore;
import sdlab.txlog.saga.SagaMessages.SagaEvent;
import sdlab.txlog.saga.SagaMessages.SagaResult;
import sdlab.txlog.saga.SagaMessages.StartSaga;
import sdlab.txlog.saga.SagaMessages.StepReply;
import sdlab.txlog.saga.SagaMessages.StepRequest;
import sdlab.txlog.saga.SagaMessages.StoreSnapshot;

/**
 * A service in a choreographed saga: no orchestrator, each service reacts to its neighbour's event. The first takes
 * the client's order; each runs its step (the same local transaction and idempotency keys as {@link SagaService}) and
 * tells the next one, or, if it rejects, tells the one before, which compensates and passes the failure further back.
 * Every event is resent until the neighbour acknowledges it. The last service knows a saga done, the first one knows
 * it compensated, and they answer the client's {@link QueryOutcome}.
 */
public final class ChoreographedService implements Node {

    private record Resend(String key) implements Timer {}

    private final int index;
    private final List<NodeId> chain;
    private final Duration resendAfter;
    private final SagaService store;
    private final SagaConfig.Bug bug;
    private final Map<String, SagaEvent> unacknowledged = new HashMap<>();
    private final Map<String, SagaOutcome> outcomes = new HashMap<>();

    public ChoreographedService(
            int index,
            List<NodeId> chain,
            SagaService.Rule rule,
            long limit,
            Duration resendAfter,
            SagaConfig.Bug bug) {
        this.index = index;
        this.chain = List.copyOf(chain);
        this.resendAfter = resendAfter;
        this.store = new SagaService(rule, limit);
        this.bug = bug;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case StartSaga start -> {
                ctx.send(from, new Accepted(start.sagaId()));
                forward(new SagaEvent(start.sagaId(), -1, false, start.amount(), start.quantity(), from), ctx);
            }
            case SagaEvent event -> {
                ctx.send(from, new EventAck(event.sagaId(), event.step(), event.failed()));
                if (event.failed()) {
                    back(event, ctx);
                } else {
                    forward(event, ctx);
                }
            }
            case EventAck ack -> unacknowledged.remove(key(ack.sagaId(), ack.step(), ack.failed()));
            case QueryOutcome query -> {
                SagaOutcome outcome = outcomes.get(query.sagaId());
                if (outcome != null) {
                    ctx.send(from, new SagaResult(query.sagaId(), outcome));
                }
            }
            case ReadStore read ->
                ctx.send(
                        from,
                        new StoreSnapshot(
                                read.readId(), Collections.unmodifiableSortedSet(new TreeSet<>(store.applied()))));
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof Resend resend && unacknowledged.containsKey(resend.key())) {
            SagaEvent event = unacknowledged.get(resend.key());
            ctx.send(chain.get(event.failed() ? index - 1 : index + 1), event);
            ctx.setTimer(resendAfter, resend);
        }
    }

    /** The step before is done: run this one, then tell the next service, or the one before if this one rejects. */
    private void forward(SagaEvent event, NodeContext ctx) {
        StepReply reply = store.answer(request(event, false), ctx);
        if (!reply.ok()) {
            failedHere(event, ctx);
        } else if (index == chain.size() - 1) {
            end(event, SagaOutcome.DONE, ctx);
        } else {
            emit(new SagaEvent(event.sagaId(), index, false, event.amount(), event.quantity(), event.client()), ctx);
        }
    }

    /** A later step failed: undo this one, and pass the failure back. */
    private void back(SagaEvent event, NodeContext ctx) {
        if (index != 0 || bug != SagaConfig.Bug.SKIP_FIRST_COMPENSATION) {
            store.answer(request(event, true), ctx);
        }
        failedHere(event, ctx);
    }

    private void failedHere(SagaEvent event, NodeContext ctx) {
        if (index == 0) {
            end(event, SagaOutcome.COMPENSATED, ctx);
        } else {
            emit(new SagaEvent(event.sagaId(), index, true, event.amount(), event.quantity(), event.client()), ctx);
        }
    }

    private void end(SagaEvent event, SagaOutcome outcome, NodeContext ctx) {
        outcomes.putIfAbsent(event.sagaId(), outcome);
        ctx.send(event.client(), new SagaResult(event.sagaId(), outcomes.get(event.sagaId())));
    }

    private void emit(SagaEvent event, NodeContext ctx) {
        String key = key(event.sagaId(), event.step(), event.failed());
        boolean first = unacknowledged.put(key, event) == null;
        ctx.send(chain.get(event.failed() ? index - 1 : index + 1), event);
        if (first) {
            ctx.setTimer(resendAfter, new Resend(key));
        }
    }

    private StepRequest request(SagaEvent event, boolean compensate) {
        String key = event.sagaId() + "/" + index + (compensate ? "/undo" : "/do");
        return new StepRequest(event.sagaId(), index, compensate, key, event.amount(), event.quantity());
    }

    private static String key(String sagaId, int step, boolean failed) {
        return sagaId + "/" + step + (failed ? "/failed" : "/done");
    }

    /** Each saga's applies and undoes on this service. */
    public Map<String, SagaService.Tally> ledger() {
        return store.ledger();
    }
}
