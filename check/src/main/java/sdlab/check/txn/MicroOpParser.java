package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;

/**
 * Turns an operation's value into micro-operations, in the shape Jepsen and elle-cli write:
 * {@code [[:append 1 2] [:r 1 [1 2]]]} in EDN, {@code [["append",1,2],["r",1,[1,2]]]} in JSON
 * (rw-register: {@code [:w k v]} and {@code [:r k v]}). Keys are integers or names; written
 * values are integers. An ok transaction's micro-operations come from its completion (where the
 * reads are filled in); the others' from the invocation, with their reads unknown.
 */
final class MicroOpParser {
    private final TxnModel model;
    private final ToIntFunction<String> keyIds;

    MicroOpParser(TxnModel model, ToIntFunction<String> keyIds) {
        this.model = model;
        this.keyIds = keyIds;
    }

    Txn txn(Operation op) {
        boolean ok = op.status() == Status.OK;
        Object value = ok ? op.output() : op.input();
        if (!(value instanceof List<?> steps)) {
            throw problem(
                    op,
                    "expected a transaction: a vector of micro-operations such as " + example() + ", found " + value);
        }
        List<MicroOp> ops = new ArrayList<>(steps.size());
        for (Object step : steps) {
            ops.add(microOp(op, step, ok));
        }
        return new Txn(op.id(), op.process(), op.status(), ops, op.invokeIndex(), op.completeIndex());
    }

    private MicroOp microOp(Operation op, Object step, boolean ok) {
        if (!(step instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof String f)) {
            throw problem(op, "expected a micro-operation [f key value] such as " + example() + ", found " + step);
        }
        int key = keyIds.applyAsInt(keyName(op, parts.get(1)));
        Object value = parts.get(2);
        if (f.equals("r")) {
            return new MicroOp.Read(key, ok ? observed(op, value) : null);
        }
        if (!f.equals(model.writeName())) {
            throw problem(
                    op,
                    "expected micro-operation r or " + model.writeName() + " for model " + model.cliName() + ", found "
                            + f);
        }
        long written = integer(op, value, "written value");
        return model == TxnModel.LIST_APPEND ? new MicroOp.Append(key, written) : new MicroOp.Write(key, written);
    }

    /** What an ok read returned: a list for list-append, nil or one value for a register. */
    private long[] observed(Operation op, Object value) {
        if (value == null) {
            return new long[0];
        }
        if (model == TxnModel.RW_REGISTER) {
            return new long[] {integer(op, value, "register value read")};
        }
        if (!(value instanceof List<?> items)) {
            throw problem(op, "expected the list read (a vector of integers or nil), found " + value);
        }
        long[] list = new long[items.size()];
        for (int i = 0; i < list.length; i++) {
            list[i] = integer(op, items.get(i), "list element read");
        }
        return list;
    }

    private String keyName(Operation op, Object key) {
        if (key instanceof Long || key instanceof String) {
            return key.toString();
        }
        throw problem(op, "expected an integer or a name as the key, found " + key);
    }

    private long integer(Operation op, Object value, String what) {
        if (value instanceof Long n) {
            return n;
        }
        throw problem(op, "expected an integer " + what + ", found " + value);
    }

    private String example() {
        return model == TxnModel.LIST_APPEND ? "[[:append 1 2] [:r 1 [1 2]]]" : "[[:w 1 2] [:r 1 2]]";
    }

    private static MalformedHistoryException problem(Operation op, String what) {
        int entry = (op.status() == Status.OK ? op.completeIndex() : op.invokeIndex()) + 1;
        return new MalformedHistoryException(
                0, "history entry " + entry + " (process " + op.process() + ", operation " + op.id() + "): " + what);
    }
}
