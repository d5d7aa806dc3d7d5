package sdlab.shard.store;

import sdlab.core.NodeId;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * What a durable shard writes to its log: the events that changed its state, in the order it handled them. Recovery
 * replays them through the same code that handled them live, so the log holds no derived state: what a table change
 * handed away is worked out again from the entries and the table, as it was the first time.
 */
sealed interface ShardLogRecord {

    /** The shard's table at its first start (or at the last compaction), with no change in progress. */
    record Begin(RoutingTable table) implements ShardLogRecord {}

    /** A write applied. */
    record Put(String key, long value) implements ShardLogRecord {}

    /** A delete applied (written whether or not the key was there: replay removes nothing then). */
    record Delete(String key) implements ShardLogRecord {}

    /** A new table applied: what it gave away is retained until acknowledged, what it gives is awaited. */
    record Update(TableUpdate update) implements ShardLogRecord {}

    /** A handoff taken in. */
    record Accepted(Handoff handoff) implements ShardLogRecord {}

    /** The handoff of {@code epoch} to {@code to} was acknowledged: its retained copy is gone. */
    record Acked(long epoch, NodeId to) implements ShardLogRecord {}
}
