package sdlab.repl;

/** Where a balancing client sends a read. */
public enum ReadPolicy {
    /** Every read to the primary. */
    PRIMARY,
    /** Replicas in turn, whatever their state (an even, round-robin balancer). */
    ROUND_ROBIN,
    /**
     * The replica with the lowest moving average (EWMA) of the latency this client observed; a replica it has not
     * tried yet counts as the fastest, so a new, idle replica draws the reads first.
     */
    LEAST_LATENCY,
    /** Replicas in turn, skipping any whose last polled lag exceeds the bound; the primary when none is left. */
    LAG_AWARE,
    /**
     * Replicas in turn, each read carrying the position of this client's last acknowledged write: the replica waits
     * until it has applied it, at most the read wait, and the client asks the primary when it times out.
     */
    READ_YOUR_WRITES
}
