package sdlab.check.report;

import java.util.Objects;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;
import sdlab.check.history.Values;

/** How reports write one operation: {@code :read -> 1}, {@code :cas [1 4] (unknown)}. */
final class OpText {
    private OpText() {}

    /** The call and its result, without the process. */
    static String call(Operation op) {
        StringBuilder text = new StringBuilder(":").append(op.f());
        if (op.input() != null) {
            text.append(' ').append(Values.format(op.input()));
        }
        if (op.status() == Status.OK && op.output() != null && !Objects.equals(op.output(), op.input())) {
            text.append(" -> ").append(Values.format(op.output()));
        } else if (op.status() == Status.OK && op.output() == null && op.input() == null) {
            text.append(" -> nil");
        }
        return switch (op.status()) {
            case OK -> text.toString();
            case FAIL -> text + " (failed)";
            case UNKNOWN -> text + " (unknown)";
        };
    }

    /** {@code op 24, process 3, :read -> 1, entries 50-53}. */
    static String full(Operation op) {
        String span = op.completeIndex() == Operation.NEVER
                ? "invoked at entry " + (op.invokeIndex() + 1) + ", never completed"
                : "entries " + (op.invokeIndex() + 1) + "-" + (op.completeIndex() + 1);
        return "op " + op.id() + ", process " + op.process() + ", " + call(op) + ", " + span;
    }

    /** How reports name a partition's key. */
    static String key(String key) {
        return key == null ? "the register" : "key " + Values.format(key);
    }
}
