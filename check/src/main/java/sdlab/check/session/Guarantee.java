package sdlab.check.session;

/** The four session guarantees of Terry et al. (1994), as observed in a history. */
public enum Guarantee {
    /** After a process's own write completes, its reads of that key see that write or newer. */
    READ_YOUR_WRITES,
    /** A process never reads a key at a version certainly older than one it read before. */
    MONOTONIC_READS,
    /**
     * A process's writes become visible in its order: whoever saw a later write of the process
     * never afterwards sees a key at a version certainly older than an earlier write of it.
     */
    MONOTONIC_WRITES,
    /**
     * A write follows the writes its process had read: whoever saw the write never afterwards
     * sees a key at a version certainly older than what the writer had read there.
     */
    WRITES_FOLLOW_READS
}
