package sdlab.check.txn;

import java.util.List;

/**
 * One anomaly found in a history, explained.
 *
 * @param kind its name: G0, G1a, G1b, G1c, G-single, G2-item (cycles, with a -process or
 *     -realtime suffix when the cycle needs those orders), internal, future-read,
 *     incompatible-order, duplicate-elements, dirty-update or lost-update
 * @param txns the transactions involved, by id
 * @param explanation sentences naming the transactions and what they did
 * @param cycle for a cycle, its steps in order (the last step returns to the first
 *     transaction); empty otherwise
 */
public record Anomaly(String kind, List<Integer> txns, String explanation, List<CycleStep> cycle) {
    public Anomaly {
        txns = List.copyOf(txns);
        cycle = List.copyOf(cycle);
    }

    /** An anomaly that is not a cycle. */
    static Anomaly of(String kind, String explanation, Integer... txns) {
        return new Anomaly(kind, List.of(txns), explanation, List.of());
    }
}
