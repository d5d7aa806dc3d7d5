package sdlab.consensus.raft;

import sdlab.core.Timer;

/** The timers of Raft's nodes and clients. */
final class RaftTimers {
    private RaftTimers() {}

    sealed interface RaftTimer extends Timer permits ElectionTimeout, Tick, AttemptTimeout, Retry, GiveUp {}

    /** No leader was heard for a randomised election timeout: time to stand (after a pre-vote). */
    record ElectionTimeout() implements RaftTimer {}

    /** Every heartbeat interval: leaders send heartbeats and check their quorum; candidates resend. */
    record Tick() implements RaftTimer {}

    /** A client heard nothing about {@code requestId} for one attempt's timeout: try the next node. */
    record AttemptTimeout(long requestId) implements RaftTimer {}

    /** A client waits a little before retrying {@code requestId}, when nobody knew the leader. */
    record Retry(long requestId) implements RaftTimer {}

    /** A client gives up on {@code requestId}: a write's fate is then unknown. */
    record GiveUp(long requestId) implements RaftTimer {}
}
