package sdlab.check.linear;

import sdlab.check.history.MalformedHistoryException;
import sdlab.check.history.Operation;
import sdlab.check.history.Values;

/** The messages for operations a model cannot interpret: bad input, reported to the user. */
final class ModelErrors {
    private ModelErrors() {}

    static MalformedHistoryException unknownOperation(Operation op, String model, String known) {
        return new MalformedHistoryException(
                0, where(op) + ": the " + model + " model has no operation :" + op.f() + " (it knows " + known + ")");
    }

    static MalformedHistoryException badValue(Operation op, String model, String expected, Object found) {
        return new MalformedHistoryException(
                0,
                where(op) + ": the " + model + " model expects " + expected + " for :" + op.f() + ", found "
                        + Values.format(found));
    }

    private static String where(Operation op) {
        return "history entry " + (op.invokeIndex() + 1) + " (process " + op.process() + ")";
    }
}
