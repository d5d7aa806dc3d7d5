package sdlab.kv.quorum;

/** How a {@link QuorumClient} picks the node that coordinates each of its operations. */
public enum CoordinatorChoice {
    /** A node drawn from the client's seeded generator for every operation. */
    RANDOM_PER_OPERATION,
    /** One node drawn from the client's seeded generator when it starts, used for every operation. */
    STICKY_PER_CLIENT
}
