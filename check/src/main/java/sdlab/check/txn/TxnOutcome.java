package sdlab.check.txn;

import sdlab.check.Verdict;

/**
 * The result of checking one input for transactional anomalies: a result, or why there is none.
 *
 * @param name the input's name
 * @param model the workload
 * @param result what the checker found, or null
 * @param badInput why the input could not be read (names the line or entry), or null
 * @param unknownReason why the check could not finish (memory), or null
 */
public record TxnOutcome(String name, TxnModel model, TxnResult result, String badInput, String unknownReason) {
    public TxnOutcome {
        int set = (result != null ? 1 : 0) + (badInput != null ? 1 : 0) + (unknownReason != null ? 1 : 0);
        assert set == 1 : "exactly one of a result, a bad input or an unknown reason";
    }

    public boolean isBadInput() {
        return badInput != null;
    }

    /** Valid or invalid from the result; unknown for bad input or an unfinished check. */
    public Verdict verdict() {
        return result != null ? result.verdict() : Verdict.UNKNOWN;
    }
}
