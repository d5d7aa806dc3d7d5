package sdlab.check.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/**
 * A FIFO queue: {@code enqueue x} adds at the tail, {@code dequeue} removes and returns the head,
 * or returns nil when the queue is empty. A dequeue with unknown outcome, if it took effect,
 * removed the head whatever it was. The state is the interned list of elements.
 */
final class QueueMachine implements StateMachine {
    private static final String NAME = "queue";

    private final Interner<List<Object>> queues = new Interner<>();

    QueueMachine() {
        queues.id(List.of());
    }

    @Override
    public long initialState() {
        return 0;
    }

    @Override
    public Transition transition(Operation op) {
        return switch (op.f()) {
            case "enqueue" -> enqueue(op.input());
            case "dequeue" -> dequeue(op.status() == Status.OK, op.output());
            default -> throw ModelErrors.unknownOperation(op, NAME, ":enqueue and :dequeue");
        };
    }

    private Transition enqueue(Object element) {
        Map<Long, Long> results = new HashMap<>();
        return state -> results.computeIfAbsent(state, s -> {
            List<Object> longer = new ArrayList<>(queues.value(s));
            longer.add(element);
            return queues.id(Collections.unmodifiableList(longer));
        });
    }

    private Transition dequeue(boolean outputKnown, Object output) {
        Map<Long, Long> results = new HashMap<>();
        return state -> results.computeIfAbsent(state, s -> {
            List<Object> queue = queues.value(s);
            if (queue.isEmpty()) {
                // An empty dequeue returns nil and changes nothing; with unknown output it did nothing.
                return outputKnown && output == null ? s : Transition.NONE;
            }
            if (outputKnown && !Objects.equals(queue.get(0), output)) {
                return Transition.NONE;
            }
            return queues.id(Collections.unmodifiableList(new ArrayList<>(queue.subList(1, queue.size()))));
        });
    }

    @Override
    public String describe(long state) {
        return Values.format(queues.value(state));
    }
}
