package sdlab.check.linear;

import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/**
 * A register that starts as nil: {@code read} returns the value, {@code write v} sets it and,
 * when compare-and-set is on, {@code cas [from to]} sets it to {@code to} if it holds {@code
 * from}. The state is the interned value. A failed cas never reaches the machine (a failed
 * operation certainly had no effect); a cas with unknown outcome may take effect only where it
 * would succeed, since a compare that fails changes nothing.
 */
final class RegisterMachine implements StateMachine {
    private final String modelName;
    private final boolean withCas;
    private final Interner<Object> values = new Interner<>();

    RegisterMachine(String modelName, boolean withCas) {
        this.modelName = modelName;
        this.withCas = withCas;
        values.id(null); // nil is state 0
    }

    @Override
    public long initialState() {
        return 0;
    }

    @Override
    public Transition transition(Operation op) {
        switch (op.f()) {
            case "read" -> {
                return op.status() == Status.OK ? new Read(values.id(op.output())) : null;
            }
            case "write" -> {
                long written = values.id(op.input());
                return state -> written;
            }
            case "cas" -> {
                if (withCas) {
                    return cas(op);
                }
            }
            default -> {}
        }
        throw ModelErrors.unknownOperation(op, modelName, withCas ? ":read, :write and :cas" : ":read and :write");
    }

    private Transition cas(Operation op) {
        if (!(op.input() instanceof List<?> pair) || pair.size() != 2) {
            throw ModelErrors.badValue(op, modelName, "[from to]", op.input());
        }
        long from = values.id(pair.get(0));
        long to = values.id(pair.get(1));
        return state -> state == from ? to : Transition.NONE;
    }

    @Override
    public String describe(long state) {
        return Values.format(values.value(state));
    }

    /** A read of the value numbered {@code expected}. */
    record Read(long expected) implements Transition {
        @Override
        public long apply(long state) {
            return state == expected ? state : NONE;
        }

        @Override
        public boolean readOnly() {
            return true;
        }
    }
}
