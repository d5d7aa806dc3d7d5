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
    ESCROW,
    /**
     * One multi-key transaction built on the client: read both balances, then "if the payer still
     * holds what I read and the payee too, write both new balances", starting over from the
     * values the failed transaction reports when another writer got there first. Needs a store
     * with transactions.
     */
    TXN_RETRY,
    /**
     * The server moves the money: one transaction, "if the payer holds at least the amount, add
     * minus the amount to it and the amount to the payee", whose new balances the state machine
     * computes when the entry applies. No read on the client, no race to lose, one command per
     * transfer. Needs a store with transactions.
     */
    ATOMIC;

    /** The name used in variant names: lower case, words joined by dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the store must offer conditional writes (compare-and-set, transactions) for this way. */
    public boolean needsConditionalWrites() {
        return this == CAS_RETRY || this == TXN_RETRY || this == ATOMIC;
    }
}
