package sdlab.check.linear;

import java.util.HashMap;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/**
 * One key of a key-value store, as in Porcupine's kv model: {@code get} returns the value
 * ({@code read} is accepted as a synonym), {@code put v} replaces it ({@code write}), {@code
 * append s} appends a string. A missing key reads as the empty string, and a read returning nil
 * counts as reading it empty. The state is the interned value.
 */
final class KeyValueMachine implements StateMachine {
    private static final String NAME = "key-value";
    private static final String EMPTY = "";

    private final Interner<Object> values = new Interner<>();

    KeyValueMachine() {
        values.id(EMPTY); // a missing key is state 0
    }

    @Override
    public long initialState() {
        return 0;
    }

    @Override
    public Transition transition(Operation op) {
        return switch (op.f()) {
            case "get", "read" ->
                op.status() == Status.OK ? new RegisterMachine.Read(values.id(orEmpty(op.output()))) : null;
            case "put", "write" -> {
                long written = values.id(orEmpty(op.input()));
                yield state -> written;
            }
            case "append" -> append(op);
            default -> throw ModelErrors.unknownOperation(op, NAME, ":get, :put and :append");
        };
    }

    private Transition append(Operation op) {
        if (!(op.input() instanceof String suffix)) {
            throw ModelErrors.badValue(op, NAME, "a string", op.input());
        }
        // Appending builds new strings; remember each result so that search steps stay cheap.
        Map<Long, Long> results = new HashMap<>();
        return state -> results.computeIfAbsent(state, s -> values.id(values.value(s) + suffix));
    }

    private static Object orEmpty(Object value) {
        return value == null ? EMPTY : value;
    }

    @Override
    public String describe(long state) {
        return Values.format(values.value(state));
    }
}
