package sdlab.consensus.raft;

import java.util.List;

/**
 * How a transaction ended, as the {@code Ok} value of a {@code txn} operation: applied once,
 * either with every write ({@code succeeded}) or with none, in which case {@code failedCondition}
 * is the index of the first condition that failed ({@link #NOT_A_NUMBER} when an add met a
 * String). Both are definite: a transaction whose condition failed is an answer, not an error,
 * as in etcd. {@code before} is what every key named held just before it.
 */
public record TxnResult(boolean succeeded, int failedCondition, List<Command.KeyValue> before) {
    /** {@code failedCondition} when none failed. */
    public static final int NONE_FAILED = KvStateMachine.Result.NONE_FAILED;
    /** {@code failedCondition} when the conditions held but an add found a String. */
    public static final int NOT_A_NUMBER = KvStateMachine.Result.NOT_A_NUMBER;

    public TxnResult {
        before = List.copyOf(before);
    }

    /** What {@code key} held before the transaction (null: nothing, or a key it did not name). */
    public Object before(String key) {
        for (Command.KeyValue pair : before) {
            if (pair.key().equals(key)) {
                return pair.value();
            }
        }
        return null;
    }
}
