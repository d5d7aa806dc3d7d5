package sdlab.check.ledger;

/**
 * One broken ledger invariant.
 *
 * @param kind which invariant
 * @param opId the operation that shows it (a read of balances or of entries)
 * @param detail one sentence for people
 */
public record LedgerViolation(Kind kind, int opId, String detail) {

    /** The invariants of a ledger of transfers. */
    public enum Kind {
        /** The balances a read returned do not add up to the initial total. */
        TOTAL_CHANGED,
        /** A read returned a negative balance. */
        NEGATIVE_BALANCE,
        /**
         * An account's balance is beyond what applying every transfer begun so far at most once
         * could produce: some transfer was applied twice, or money appeared.
         */
        BALANCE_UNREACHABLE,
        /** A read of the entries lists one transfer twice. */
        TRANSFER_APPLIED_TWICE,
        /** A read of the entries lists a transfer that failed (certainly not applied). */
        FAILED_TRANSFER_APPLIED,
        /** A read of the entries lists a transfer that nobody had begun by the end of the read. */
        UNKNOWN_TRANSFER_APPLIED
    }
}
