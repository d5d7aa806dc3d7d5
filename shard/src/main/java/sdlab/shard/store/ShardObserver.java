package sdlab.shard.store;

import sdlab.core.NodeId;

/**
 * What the store reports to whoever measures it; none of it changes what the store does. Every method has a default
 * that ignores the event.
 */
public interface ShardObserver {
    ShardObserver NONE = new ShardObserver() {};

    /**
     * A shard executed a point request ({@code key}) or a scan or aggregate ({@code key} null) at {@code epoch}
     * after {@code serviceNanos} of work, finishing at {@code atNanos} of its clock; {@code owned} says whether its
     * table gives it the key.
     */
    default void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long atNanos) {}

    /** A shard applied a write of {@code key} at {@code atNanos} (besides reporting it as {@link #served}). */
    default void wrote(NodeId shard, String key, long atNanos) {}

    /** A shard refused a request for hot {@code key} over its rate. */
    default void throttled(NodeId shard, String key) {}

    /** A shard refused a request made with an older table. */
    default void rejectedStale(NodeId shard) {}

    /** {@code from} handed {@code keys} entries ({@code bytes} in all) to {@code to} when {@code epoch} came in force. */
    default void handedOff(NodeId from, NodeId to, long epoch, long keys, long bytes) {}

    /** The placement node put a new table in force, for {@code why}. */
    default void tableChanged(RoutingTable table, String why) {}

    /** Read cache {@code cache} answered a read of {@code key} from its entry ({@code hit}) or had to fetch it. */
    default void cacheRead(NodeId cache, String key, boolean hit) {}

    /**
     * A router finished an operation {@code f} on {@code key} (null for scans and aggregates) after sending {@code
     * requests} requests in all; by default reported as {@link #routed(String, int, int, int, int)}.
     */
    default void routed(String f, String key, int requests, int shardsAsked, int staleRejections, int tableFetches) {
        routed(f, requests, shardsAsked, staleRejections, tableFetches);
    }

    /**
     * A router finished an operation {@code f} after sending {@code requests} requests to {@code shardsAsked}
     * distinct shards in its last attempt, {@code staleRejections} refusals and {@code tableFetches} table fetches.
     */
    default void routed(String f, int requests, int shardsAsked, int staleRejections, int tableFetches) {}
}
