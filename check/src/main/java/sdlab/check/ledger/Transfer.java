package sdlab.check.ledger;

import java.util.List;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.history.Operation;
import sdlab.check.history.Values;

/** A transfer operation's argument {@code [id from to amount]}, decoded. */
record Transfer(Object id, String from, String to, long amount, Operation op) {

    static Transfer of(Operation op) {
        if (op.input() instanceof List<?> v && v.size() == 4 && v.get(3) instanceof Long amount && amount >= 0) {
            return new Transfer(v.get(0), String.valueOf(v.get(1)), String.valueOf(v.get(2)), amount, op);
        }
        throw new MalformedHistoryException(
                0,
                "history entry " + (op.invokeIndex() + 1)
                        + ": a transfer's value must be [id from to amount] with a non-negative integer amount, found "
                        + Values.format(op.input()));
    }
}
