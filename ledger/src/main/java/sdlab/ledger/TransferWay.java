package sdlab.ledger;

/** How the application writes a transfer of money from one account to another. */
public enum TransferWay {
    /** Read both balances, then write both new balances: what most code does first, and what double-spends. */
    READ_THEN_WRITE,
    /**
     * Read the balance, then compare-and-set it to the new one, reading again when another writer
     * got there first; the credit likewise. Needs a store with conditional writes.
     */
    CAS_RETRY,
    /**
     * Each client owns an equal share of every account's starting balance as a debit budget and
     * writes only keys of its own (its net change per account): a debit within the budget needs no
     * read and no coordination, and no two clients ever write the same key.
     */
    ESCROW;

    /** The name used in variant names: lower case, words joined by dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
