package sdlab.consensus.raft;

/** What a Raft node is doing now. */
public enum Role {
    /** Follows the leader it last heard, if any. */
    FOLLOWER,
    /** Asks whether it could win an election, without raising its term. */
    PRE_CANDIDATE,
    /** Raised its term and asks for votes. */
    CANDIDATE,
    /** Leads its term. */
    LEADER
}
