package sdlab.shard.store;

import java.util.Objects;
import sdlab.core.NodeId;
import sdlab.shard.hot.KeySalting;
import sdlab.shard.hot.Replication;

/**
 * How a router works.
 *
 * @param placement where it fetches the routing table
 * @param timeoutNanos how long an operation may take before its outcome is unknown
 * @param bug a planted bug, or {@link Bug#NONE}
 * @param salting the keys it writes as salted sub-keys and reads by gathering them all
 * @param readCache the read cache its gets go through ({@link ReadCacheNode}), or null to ask the shards directly
 * @param replication the copies of each shard it writes to and picks one of for a read
 */
public record RouterSettings(
        NodeId placement, long timeoutNanos, Bug bug, KeySalting salting, NodeId readCache, Replication replication) {
    /** A router with no hot-key remedy: no salting, no cache, one copy per shard. */
    public RouterSettings(NodeId placement, long timeoutNanos, Bug bug) {
        this(placement, timeoutNanos, bug, KeySalting.NONE, null, Replication.SINGLE);
    }

    public RouterSettings {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(bug, "bug");
        Objects.requireNonNull(salting, "salting");
        Objects.requireNonNull(replication, "replication");
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("a timeout is positive, got " + timeoutNanos);
        }
    }

    /** These settings with {@code salting}. */
    public RouterSettings withSalting(KeySalting salting) {
        return new RouterSettings(placement, timeoutNanos, bug, salting, readCache, replication);
    }

    /** These settings with gets sent through the read cache {@code cache}. */
    public RouterSettings withReadCache(NodeId cache) {
        return new RouterSettings(placement, timeoutNanos, bug, salting, cache, replication);
    }

    /** These settings with {@code replication}. */
    public RouterSettings withReplication(Replication replication) {
        return new RouterSettings(placement, timeoutNanos, bug, salting, readCache, replication);
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
