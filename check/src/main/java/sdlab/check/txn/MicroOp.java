package sdlab.check.txn;

/**
 * One step of a transaction. Keys are interned to small integers ({@link TxnHistory#keyName}
 * gives their names back); values are integers, which is what Jepsen's list-append and
 * rw-register workloads write.
 */
public sealed interface MicroOp {
    /** The key this step touches. */
    int key();

    /** List-append: append {@code value} to the list at {@code key}. */
    record Append(int key, long value) implements MicroOp {}

    /** Rw-register: set the register at {@code key} to {@code value}. */
    record Write(int key, long value) implements MicroOp {}

    /**
     * A read. For list-append {@code observed} is the list read; for rw-register it is empty
     * (the register was nil) or holds the one value read. It is null when the read's result is
     * unknown (the transaction did not complete ok).
     */
    record Read(int key, long[] observed) implements MicroOp {
        /** True if the result of this read is known. */
        public boolean known() {
            return observed != null;
        }

        /** The last value of the list read (the register's value), or null for an empty list or nil. */
        public Long last() {
            return observed == null || observed.length == 0 ? null : observed[observed.length - 1];
        }
    }
}
