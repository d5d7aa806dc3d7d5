package sdlab.txlog.saga;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.txlog.saga.SagaMessages.ReadStore;
import sdlab.txlog.saga.SagaMessages.StepReply;
import sdlab.txlog.saga.SagaMessages.StepRequest;
import sdlab.txlog.saga.SagaMessages.StoreSnapshot;

/**
 * One service of a saga: its step is a local transaction on its own store (one handler, so it applies whole or not
 * at all), its compensation another. With an idempotency key a repeated request gets the first answer and changes
 * nothing; without one every request that arrives is applied, retries and network duplicates included.
 */
public final class SagaService implements Node {

    /** The business rule that can reject a step: a limit on the saga's amount or quantity, or none. */
    public enum Rule {
        ACCEPT_ALL,
        AMOUNT_AT_MOST,
        QUANTITY_AT_MOST
    }

    /** How often the service applied and undid one saga's step: the store's history, which a checker can read. */
    public record Tally(int applies, int undoes) {
        Tally apply() {
            return new Tally(applies + 1, undoes);
        }

        Tally undo() {
            return new Tally(applies, undoes + 1);
        }

        /** What the step leaves in the store: 1 applied, 0 not (or undone), anything else is corruption. */
        public int net() {
            return applies - undoes;
        }
    }

    private final Rule rule;
    private final long limit;
    private final Map<String, Tally> ledger = new HashMap<>();
    private final Set<String> applied = new HashSet<>();
    private final Set<String> compensated = new HashSet<>();
    private final Map<String, StepReply> answered = new HashMap<>();

    public SagaService(Rule rule, long limit) {
        this.rule = rule;
        this.limit = limit;
    }

    /** True if the rule rejects a saga with this amount and quantity; the same test a checker can make from inputs. */
    public static boolean rejects(Rule rule, long limit, long amount, long quantity) {
        return switch (rule) {
            case ACCEPT_ALL -> false;
            case AMOUNT_AT_MOST -> amount > limit;
            case QUANTITY_AT_MOST -> quantity > limit;
        };
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case StepRequest request -> ctx.send(from, answer(request, ctx));
            case ReadStore read ->
                ctx.send(
                        from,
                        new StoreSnapshot(read.readId(), Collections.unmodifiableSortedSet(new TreeSet<>(applied))));
            default -> {}
        }
    }

    /** Runs a step or its compensation as one local transaction; a repeated idempotency key gets its first answer. */
    StepReply answer(StepRequest request, NodeContext ctx) {
        String key = request.idempotencyKey();
        if (!key.isEmpty()) {
            StepReply first = answered.get(key);
            if (first != null) {
                ctx.note("duplicate " + key + ": first answer again");
                return first;
            }
        }
        StepReply reply = request.compensate() ? undo(request, !key.isEmpty()) : apply(request, !key.isEmpty());
        if (!key.isEmpty()) {
            answered.put(key, reply);
        }
        return reply;
    }

    private StepReply apply(StepRequest request, boolean keyed) {
        String saga = request.sagaId();
        // With keys the service remembers a compensation that overtook its step, and refuses the late step.
        boolean refused =
                (keyed && compensated.contains(saga)) || rejects(rule, limit, request.amount(), request.quantity());
        if (refused) {
            return new StepReply(saga, request.step(), false, false);
        }
        ledger.merge(saga, new Tally(1, 0), (old, one) -> old.apply());
        applied.add(saga);
        return new StepReply(saga, request.step(), false, true);
    }

    private StepReply undo(StepRequest request, boolean keyed) {
        String saga = request.sagaId();
        // A keyed undo changes the store only if the step is applied; an unkeyed one refunds whatever it is told to.
        if (!keyed || applied.contains(saga)) {
            ledger.merge(saga, new Tally(0, 1), (old, one) -> old.undo());
        }
        applied.remove(saga);
        compensated.add(saga);
        return new StepReply(saga, request.step(), true, true);
    }

    /** Each saga's applies and undoes on this service. */
    public Map<String, Tally> ledger() {
        return Map.copyOf(ledger);
    }

    /** The sagas whose step is applied now, sorted. */
    public Set<String> applied() {
        return new TreeSet<>(applied);
    }
}
