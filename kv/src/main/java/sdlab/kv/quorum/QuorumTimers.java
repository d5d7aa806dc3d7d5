package sdlab.kv.quorum;

import sdlab.core.Timer;
import sdlab.kv.quorum.QuorumMessages.OpId;

/** The timers of the quorum store's nodes and clients. */
final class QuorumTimers {
    private QuorumTimers() {}

    sealed interface QuorumTimer extends Timer permits Deadline, Failover, HandoffTick, ClientTimeout {}

    /** A coordinator's operation ran out of time. */
    record Deadline(OpId op) implements QuorumTimer {}

    /** Half a coordinator's timeout passed: a sloppy quorum replaces the silent replicas. */
    record Failover(OpId op) implements QuorumTimer {}

    /** Time for a hint holder to try handing its hints to their owners. */
    record HandoffTick() implements QuorumTimer {}

    /** A client stopped waiting for its coordinator. */
    record ClientTimeout(long requestId) implements QuorumTimer {}
}
