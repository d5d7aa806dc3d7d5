package sdlab.chapters.txlog.saga;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import sdlab.txlog.saga.SagaOutcome;

/**
 * Places orders, one saga each, and keeps the client's history: what it asked for and the outcome it was told. It
 * resends an order until the orchestrator accepts it, and then only asks how it ended (the answer may be lost): a
 * client that re-placed accepted orders would hide what a forgetful orchestrator does.
 */
final class OrderClient implements Node {
    static final long AMOUNT_LIMIT = 1000;
    static final long QUANTITY_LIMIT = 5;

    /**
     * {@code entry} takes the orders (the orchestrator, or the first service of a choreography); {@code askOutcome}
     * are asked how an accepted order ended.
     */
    record Settings(
            NodeId entry, List<NodeId> askOutcome, int sagas, long intervalNanos, double reject, long resendNanos) {}

    /** What an order asked for. */
    record Order(long amount, long quantity) {}

    private record Next(int index) implements Timer {}

    private record Resend(String sagaId) implements Timer {}

    private final Settings settings;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Map<String, SagaOutcome> outcomes = new LinkedHashMap<>();

    OrderClient(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        ctx.setTimer(Duration.ZERO, new Next(0));
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case Accepted a -> accepted.add(a.sagaId());
            case SagaResult r -> {
                accepted.add(r.sagaId());
                outcomes.putIfAbsent(r.sagaId(), r.outcome());
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case Next next -> place(next.index(), ctx);
            case Resend resend -> {
                if (!accepted.contains(resend.sagaId())) {
                    send(resend.sagaId(), ctx);
                } else if (!outcomes.containsKey(resend.sagaId())) {
                    settings.askOutcome().forEach(node -> ctx.send(node, new QueryOutcome(resend.sagaId())));
                    ctx.setTimer(Duration.ofNanos(settings.resendNanos()), resend);
                }
            }
            default -> {}
        }
    }

    private void place(int index, NodeContext ctx) {
        String sagaId = "saga-" + index;
        orders.put(sagaId, draw(ctx));
        send(sagaId, ctx);
        if (index + 1 < settings.sagas()) {
            ctx.setTimer(Duration.ofNanos(settings.intervalNanos()), new Next(index + 1));
        }
    }

    /** Half the rejected orders exceed the payment limit, half the stock limit; the rest fit both. */
    private Order draw(NodeContext ctx) {
        double r = ctx.random().nextDouble();
        long amount = 1 + ctx.random().nextLong(AMOUNT_LIMIT);
        long quantity = 1 + ctx.random().nextLong(QUANTITY_LIMIT);
        if (r < settings.reject() / 2) {
            return new Order(AMOUNT_LIMIT + amount, quantity);
        }
        if (r < settings.reject()) {
            return new Order(amount, QUANTITY_LIMIT + quantity);
        }
        return new Order(amount, quantity);
    }

    private void send(String sagaId, NodeContext ctx) {
        Order order = orders.get(sagaId);
        ctx.send(settings.entry(), new StartSaga(sagaId, order.amount(), order.quantity()));
        ctx.setTimer(Duration.ofNanos(settings.resendNanos()), new Resend(sagaId));
    }

    Map<String, Order> orders() {
        return Map.copyOf(orders);
    }

    Map<String, SagaOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
