package sdlab.check.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.HistoryParser;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;

/**
 * A transactional history: the transactions in order of invocation, with the names of the keys
 * they touch (keys are numbered for speed; reports print the names).
 */
public final class TxnHistory {
    private final TxnModel model;
    private final List<Txn> txns;
    private final List<String> keyNames;

    /** A history of {@code txns}, whose ids must be their positions; key {@code i} is named {@code keyNames[i]}. */
    public TxnHistory(TxnModel model, List<Txn> txns, List<String> keyNames) {
        this.model = model;
        this.txns = List.copyOf(txns);
        this.keyNames = List.copyOf(keyNames);
        for (int i = 0; i < this.txns.size(); i++) {
            if (this.txns.get(i).id() != i) {
                throw new IllegalArgumentException(
                        "transaction " + i + " has id " + this.txns.get(i).id());
            }
        }
    }

    /**
     * Parses a history in any format {@link HistoryParser} reads, whose values are transactions
     * of {@code model}'s micro-operations.
     *
     * @throws sdlab.check.history.MalformedHistoryException naming the line or entry and what was
     *     expected
     */
    public static TxnHistory parse(String text, TxnModel model) {
        return of(Operations.of(HistoryParser.parse(text)), model);
    }

    /** The transactions of paired operations; see {@link MicroOpParser} for what a value must be. */
    public static TxnHistory of(List<Operation> ops, TxnModel model) {
        Map<String, Integer> keyIds = new HashMap<>();
        List<String> names = new ArrayList<>();
        MicroOpParser parser = new MicroOpParser(
                model,
                name -> keyIds.computeIfAbsent(name, n -> {
                    names.add(n);
                    return names.size() - 1;
                }));
        List<Txn> txns = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            txns.add(parser.txn(op));
        }
        return new TxnHistory(model, txns, names);
    }

    public TxnModel model() {
        return model;
    }

    public List<Txn> txns() {
        return txns;
    }

    public int size() {
        return txns.size();
    }

    /** The number of distinct keys. */
    public int keyCount() {
        return keyNames.size();
    }

    /** The name of key number {@code key}. */
    public String keyName(int key) {
        return keyNames.get(key);
    }
}
