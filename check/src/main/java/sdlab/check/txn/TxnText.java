package sdlab.check.txn;

import java.util.Arrays;
import sdlab.check.history.Status;

/** How reports write transactions and micro-operations: {@code T4 (process 1, failed): [append x 3] [r y [1 2]]}. */
final class TxnText {
    /** Transactions longer than this are shortened in explanations. */
    private static final int MICRO_OPS_SHOWN_MAX = 8;

    private final TxnHistory history;

    TxnText(TxnHistory history) {
        this.history = history;
    }

    String txn(int id) {
        Txn t = history.txns().get(id);
        StringBuilder text = new StringBuilder(t.name()).append(" (process ").append(t.process());
        if (t.status() != Status.OK) {
            text.append(t.failed() ? ", failed" : ", outcome unknown");
        }
        text.append("):");
        int shown = Math.min(t.ops().size(), MICRO_OPS_SHOWN_MAX);
        for (int i = 0; i < shown; i++) {
            text.append(' ').append(microOp(t.ops().get(i)));
        }
        if (shown < t.ops().size()) {
            text.append(" ... (").append(t.ops().size() - shown).append(" more)");
        }
        return text.toString();
    }

    String microOp(MicroOp op) {
        String key = key(op.key());
        return switch (op) {
            case MicroOp.Append a -> "[append " + key + " " + a.value() + "]";
            case MicroOp.Write w -> "[w " + key + " " + w.value() + "]";
            case MicroOp.Read r -> "[r " + key + " " + observed(r) + "]";
        };
    }

    String observed(MicroOp.Read r) {
        if (!r.known()) {
            return "?";
        }
        if (history.model() == TxnModel.RW_REGISTER) {
            return r.observed().length == 0 ? "nil" : Long.toString(r.observed()[0]);
        }
        return list(r.observed());
    }

    static String list(long[] values) {
        return Arrays.toString(values).replace(",", "");
    }

    String key(int key) {
        return history.keyName(key);
    }
}
