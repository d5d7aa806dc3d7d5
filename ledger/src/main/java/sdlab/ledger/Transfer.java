package sdlab.ledger;

import java.util.List;

/**
 * A transfer the workload asked for: {@code amount} from account {@code from} to account {@code to}.
 * Its invocation value is {@code [from, to, amount]}.
 */
record Transfer(int from, int to, long amount, long initialBalance) {
    /** The reason of a transfer refused because the payer's balance (or budget) did not cover it: a correct answer. */
    static final String DECLINED = "declined: insufficient funds";

    static Transfer of(Object value, long initialBalance) {
        if (!(value instanceof List<?> parts) || parts.size() != 3) {
            throw new IllegalArgumentException("a transfer's value is [from, to, amount], got " + value);
        }
        return new Transfer(
                ((Number) parts.get(0)).intValue(),
                ((Number) parts.get(1)).intValue(),
                ((Number) parts.get(2)).longValue(),
                initialBalance);
    }
}
