package sdlab.shard.hot;

/** How a router picks which replica of a shard serves a read. */
public enum ReplicaChoice {
    /** Uniformly at random: spreads the mean, not the bursts. */
    RANDOM,
    /** Each router cycles through the replicas: even counts, blind to queues. */
    ROUND_ROBIN,
    /**
     * The replica with the shortest queue the router last heard of: every router that heard the same depths picks the
     * same replica, so they herd onto it until its next replies say it is full.
     */
    LEAST_LOADED,
    /**
     * Power of two choices (Mitzenmacher 2001): two replicas at random, the one with the shorter last-heard queue.
     * Random enough not to herd, informed enough to avoid a long queue.
     */
    TWO_CHOICES
}
