package sdlab.repl;

import sdlab.core.NodeId;

/**
 * A client's write that the primary appended and has not acknowledged yet: waiting for its own sync, then, where
 * the mode says so, for replicas.
 */
final class PendingCommit {
    final long position;
    final NodeId client;
    final long requestId;
    /** When the primary's own sync covered it and its wait for replicas began; -1 before. */
    long waitSinceNanos = -1;

    PendingCommit(long position, NodeId client, long requestId) {
        this.position = position;
        this.client = client;
        this.requestId = requestId;
    }
}
