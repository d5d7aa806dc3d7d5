package sdlab.shard.store;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a router works.
 *
 * @param placement where it fetches the routing table
 * @param timeoutNanos how long an operation may take before its outcome is unknown
 * @param bug a planted bug, or {@link Bug#NONE}
 */
public record RouterSettings(NodeId placement, long timeoutNanos, Bug bug) {
    public RouterSettings {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(bug, "bug");
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("a timeout is positive, got " + timeoutNanos);
        }
    }

    /** Bugs a test plants to show that a claim catches them. */
    public enum Bug {
        NONE,
        /**
         * On "stale epoch" the router takes the shard's epoch number but keeps its old table and retries at once: the
         * shard sees a current epoch and serves a key it no longer owns.
         */
        KEEP_STALE_TABLE
    }
}
