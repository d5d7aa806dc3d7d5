package sdlab.ledger;

/** The consistency level of the store that holds the balances. */
public enum ConsistencyLevel {
    /** The Raft store: every write on the log, reads by ReadIndex, compare-and-set, multi-key transactions. */
    LINEARIZABLE(true),
    /**
     * The quorum store with R = W = 1, each client sticking to one coordinator for its session: a
     * sticky session, the cheapest session guarantee (it is not read-your-writes by itself; the
     * run measures what it gives).
     */
    SESSION(false),
    /** The quorum store with R = W = 1, sloppy quorums, any coordinator, last writer wins. */
    EVENTUAL(false);

    private final boolean conditionalWrites;

    ConsistencyLevel(boolean conditionalWrites) {
        this.conditionalWrites = conditionalWrites;
    }

    /** Whether the store offers compare-and-set and transactions (and so the ways that {@link TransferWay#needsConditionalWrites need them}). */
    public boolean conditionalWrites() {
        return conditionalWrites;
    }

    /** The name used in variant names. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
