package sdlab.kv.quorum;

/** What a read coordinator does about replicas that answered with an older version. */
public enum ReadRepair {
    /** Nothing: stale replicas stay stale until a later write reaches them. */
    NONE,
    /**
     * After answering the client, push the newest version to every replica that answered
     * with an older one (Riak's and Cassandra's read repair). Costs no read latency, gives no
     * guarantee to the very next read.
     */
    BACKGROUND,
    /**
     * Before answering, write the newest version back to a write quorum (the second phase of
     * an ABD read). Costs a round trip and a disk sync per read; makes the value the read
     * returned visible to every later read.
     */
    BLOCKING
}
