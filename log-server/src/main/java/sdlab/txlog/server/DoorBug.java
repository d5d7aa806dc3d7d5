package sdlab.txlog.server;

/** Bugs a test plants in the Kafka door of a cluster's broker, to show that its checks can fail. */
public enum DoorBug {
    NONE,
    /**
     * Metadata names, as each partition's leader, the broker after the one the node says leads it: producers and
     * consumers are sent to a follower, which refuses them with NOT_LEADER_OR_FOLLOWER, and never reach the leader.
     */
    METADATA_NAMES_WRONG_LEADER
}
