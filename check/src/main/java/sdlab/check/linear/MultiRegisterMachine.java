package sdlab.check.linear;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/**
 * Several registers read and written together, as in Knossos's multi-register model and Jepsen's
 * multi-register workloads: {@code :f :txn} with micro-operations {@code [[:r :x 1] [:w :y 2]]}
 * ({@code :read} and {@code :write} are accepted too), applied in order and atomically. A read
 * of nil accepts any value, since a transaction's invocation carries nil for what it will read
 * and Knossos reads it the same way. Every register starts as nil. The state is the interned map
 * of register values, so a transaction touching several keys is one step; keys therefore share
 * one partition.
 */
final class MultiRegisterMachine implements StateMachine {
    private static final String NAME = "multi-register";

    private final Interner<Map<Object, Object>> states = new Interner<>();

    MultiRegisterMachine() {
        states.id(Map.of()); // every register nil is state 0
    }

    @Override
    public long initialState() {
        return 0;
    }

    @Override
    public Transition transition(Operation op) {
        if (!op.f().equals("txn")) {
            throw ModelErrors.unknownOperation(op, NAME, ":txn");
        }
        Object value = op.status() == Status.OK ? op.output() : op.input();
        List<MicroOp> micro = MicroOp.parse(op, value);
        boolean checksReads = op.status() == Status.OK;
        if (micro.stream().noneMatch(MicroOp::writes)) {
            return checksReads ? new ReadOnly(this, micro) : null;
        }
        // Applying builds a new map; remember each result so that search steps stay cheap.
        Map<Long, Long> results = new HashMap<>();
        return state -> results.computeIfAbsent(state, s -> apply(s, micro, checksReads));
    }

    /** The state after {@code micro} in {@code state}, or NONE if a read sees another value. */
    private long apply(long state, List<MicroOp> micro, boolean checksReads) {
        Map<Object, Object> registers = new HashMap<>(states.value(state));
        for (MicroOp m : micro) {
            if (m.writes()) {
                registers.put(m.register(), m.value());
            } else if (checksReads && m.value() != null && !m.value().equals(registers.get(m.register()))) {
                return Transition.NONE;
            }
        }
        registers.values().removeIf(v -> v == null); // nil and absent are one state
        return states.id(Collections.unmodifiableMap(registers));
    }

    @Override
    public String describe(long state) {
        StringBuilder text = new StringBuilder("{");
        new TreeMap<>(stringKeys(states.value(state))).forEach((k, v) -> {
            text.append(text.length() > 1 ? ", " : "").append(k).append(' ').append(Values.format(v));
        });
        return text.append('}').toString();
    }

    private static Map<String, Object> stringKeys(Map<Object, Object> registers) {
        Map<String, Object> byName = new HashMap<>();
        registers.forEach((k, v) -> byName.put(Values.format(k), v));
        return byName;
    }

    /** A transaction of reads only: it constrains the state and never changes it. */
    private record ReadOnly(MultiRegisterMachine machine, List<MicroOp> micro) implements Transition {
        @Override
        public long apply(long state) {
            return machine.apply(state, micro, true) == Transition.NONE ? NONE : state;
        }

        @Override
        public boolean readOnly() {
            return true;
        }
    }

    /** One {@code [f register value]} of a transaction. */
    private record MicroOp(boolean writes, Object register, Object value) {
        static List<MicroOp> parse(Operation op, Object value) {
            if (!(value instanceof List<?> items)) {
                throw ModelErrors.badValue(op, NAME, "a vector of [:r k v] and [:w k v] micro-operations", value);
            }
            return items.stream().map(item -> one(op, item)).toList();
        }

        private static MicroOp one(Operation op, Object item) {
            if (item instanceof List<?> parts && parts.size() == 3 && parts.get(0) instanceof String f) {
                switch (f) {
                    case "r", "read" -> {
                        return new MicroOp(false, parts.get(1), parts.get(2));
                    }
                    case "w", "write" -> {
                        return new MicroOp(true, parts.get(1), parts.get(2));
                    }
                    default -> {}
                }
            }
            throw ModelErrors.badValue(op, NAME, "micro-operations [:r k v] or [:w k v]", item);
        }
    }
}
