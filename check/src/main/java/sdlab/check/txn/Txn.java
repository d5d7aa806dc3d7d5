package sdlab.check.txn;

import java.util.List;
import sdlab.check.history.Status;

/**
 * One transaction of a history: its micro-operations and how it ended.
 *
 * @param id the transaction's number: its position among the history's operations, in order of
 *     invocation (0-based), as in the other checkers' reports
 * @param process the client process that ran it
 * @param status ok (committed, reads known), fail (certainly aborted) or unknown (info: it may
 *     have committed, its reads are unknown)
 * @param ops the micro-operations: the completion's for an ok transaction (reads filled in), the
 *     invocation's otherwise
 * @param invokeIndex the position of the invocation among the history's entries
 * @param completeIndex the position of the completion, or {@link sdlab.check.history.Operation#NEVER}
 *     for an unknown outcome
 */
public record Txn(int id, int process, Status status, List<MicroOp> ops, int invokeIndex, int completeIndex) {
    public Txn {
        ops = List.copyOf(ops);
        assert completeIndex > invokeIndex : "a transaction completes after it is invoked";
    }

    /** True if it committed for certain. */
    public boolean ok() {
        return status == Status.OK;
    }

    /** True if it certainly aborted: its writes must never be seen. */
    public boolean failed() {
        return status == Status.FAIL;
    }

    /** The transaction's name in reports: {@code T12}. */
    public String name() {
        return "T" + id;
    }
}
