package sdlab.ledger;

/** The consistency level of the store that holds the balances. */
public enum ConsistencyLevel {
    /** The Raft store: every write on the log, reads by ReadIndex, compare-and-set, multi-key transactions. */
    LINEARIZABLE(true),
    /**
     * The causal store of {@code kv.causal} (COPS-style): one replica per site, each client on its
     * own, a write visible elsewhere only after the writes it depends on, last writer wins.
     */
    CAUSAL(false),
    /**
     * The quorum store with R = W = 1, each client sticking to one coordinator for its session: a
     * sticky session, the cheapest session guarantee (it is not read-your-writes by itself; the
     * run measures what it gives).
     */
    SESSION(false),
    /**
     * The causal store with clients that use any replica and carry their context as a version
     * token, which a replica must have applied before it serves them: read-your-writes and
     * monotonic reads without stickiness.
     */
    SESSION_TOKEN(false),
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

    /** The name used in variant names: lower case, words joined by dashes. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
