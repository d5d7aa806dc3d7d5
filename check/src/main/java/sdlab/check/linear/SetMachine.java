package sdlab.check.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/**
 * A grow-only set, as in Jepsen's set workload: {@code add x} adds an element, {@code read}
 * returns all elements (a list, in any order). The state is the interned set.
 */
final class SetMachine implements StateMachine {
    private static final String NAME = "set";

    private final Interner<Set<Object>> sets = new Interner<>();

    SetMachine() {
        sets.id(Set.of());
    }

    @Override
    public long initialState() {
        return 0;
    }

    @Override
    public Transition transition(Operation op) {
        return switch (op.f()) {
            case "add" -> add(op.input());
            case "read" -> op.status() == Status.OK ? read(op) : null;
            default -> throw ModelErrors.unknownOperation(op, NAME, ":add and :read");
        };
    }

    private Transition add(Object element) {
        Map<Long, Long> results = new HashMap<>();
        return state -> results.computeIfAbsent(state, s -> {
            Set<Object> grown = new HashSet<>(sets.value(s));
            grown.add(element);
            return sets.id(Collections.unmodifiableSet(grown));
        });
    }

    private Transition read(Operation op) {
        if (!(op.output() instanceof List<?> elements)) {
            throw ModelErrors.badValue(op, NAME, "a list of elements", op.output());
        }
        return new RegisterMachine.Read(sets.id(Collections.unmodifiableSet(new HashSet<>(elements))));
    }

    @Override
    public String describe(long state) {
        return Values.format(new ArrayList<>(sets.value(state)));
    }
}
