package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Status;

/**
 * Writes a transactional history as Jepsen does, so that generated histories can be read back,
 * checked from the command line, or given to Elle: JSON lines or EDN, one entry per line. An
 * unknown transaction's info entry goes at the end (its position does not matter: it may take
 * effect any time after its invocation).
 */
public final class TxnHistoryWriter {
    private TxnHistoryWriter() {}

    /** JSON lines: {@code {"process":0,"type":"invoke","f":"txn","value":[["append",1,2],["r",1,null]]}}. */
    public static String json(TxnHistory history) {
        return write(history, false);
    }

    /** EDN, one map per line: {@code {:process 0, :type :invoke, :f :txn, :value [[:append 1 2] [:r 1 nil]]}}. */
    public static String edn(TxnHistory history) {
        return write(history, true);
    }

    private static String write(TxnHistory history, boolean edn) {
        int positions = 0;
        for (Txn t : history.txns()) {
            positions = Math.max(positions, t.invokeIndex() + 1);
            if (t.completeIndex() != Operation.NEVER) {
                positions = Math.max(positions, t.completeIndex() + 1);
            }
        }
        String[] lines = new String[positions];
        List<String> infos = new ArrayList<>();
        for (Txn t : history.txns()) {
            lines[t.invokeIndex()] = entry(history, t, "invoke", edn, false);
            if (t.completeIndex() != Operation.NEVER) {
                String type = t.ok() ? "ok" : "fail";
                lines[t.completeIndex()] = entry(history, t, type, edn, t.ok());
            } else if (t.status() == Status.UNKNOWN) {
                infos.add(entry(history, t, "info", edn, false));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line != null) {
                text.append(line).append('\n');
            }
        }
        infos.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static String entry(TxnHistory history, Txn t, String type, boolean edn, boolean withReads) {
        StringBuilder value = new StringBuilder("[");
        for (int i = 0; i < t.ops().size(); i++) {
            value.append(i == 0 ? "" : edn ? " " : ",")
                    .append(microOp(history, t.ops().get(i), edn, withReads));
        }
        value.append(']');
        return edn
                ? "{:process " + t.process() + ", :type :" + type + ", :f :txn, :value " + value + "}"
                : "{\"process\":" + t.process() + ",\"type\":\"" + type + "\",\"f\":\"txn\",\"value\":" + value + "}";
    }

    private static String microOp(TxnHistory history, MicroOp op, boolean edn, boolean withReads) {
        String key = key(history.keyName(op.key()), edn);
        String sep = edn ? " " : ",";
        return switch (op) {
            case MicroOp.Append a -> "[" + name("append", edn) + sep + key + sep + a.value() + "]";
            case MicroOp.Write w -> "[" + name("w", edn) + sep + key + sep + w.value() + "]";
            case MicroOp.Read r -> "[" + name("r", edn) + sep + key + sep + read(history, r, edn, withReads) + "]";
        };
    }

    private static String read(TxnHistory history, MicroOp.Read r, boolean edn, boolean withReads) {
        String nil = edn ? "nil" : "null";
        if (!withReads || !r.known()) {
            return nil;
        }
        if (history.model() == TxnModel.RW_REGISTER) {
            return r.observed().length == 0 ? nil : Long.toString(r.observed()[0]);
        }
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < r.observed().length; i++) {
            list.append(i == 0 ? "" : edn ? " " : ",").append(r.observed()[i]);
        }
        return list.append(']').toString();
    }

    private static String name(String name, boolean edn) {
        return edn ? ":" + name : "\"" + name + "\"";
    }

    private static String key(String name, boolean edn) {
        if (name.matches("-?[0-9]{1,18}")) {
            return name;
        }
        return edn ? ":" + name : "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
