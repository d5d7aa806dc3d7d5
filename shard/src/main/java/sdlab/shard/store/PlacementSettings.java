package sdlab.shard.store;

import java.util.Objects;
import sdlab.core.NodeId;
import sdlab.shard.partition.MergePolicy;
import sdlab.shard.partition.SplitPolicy;

/**
 * How the placement node changes ownership.
 *
 * @param splits when a range splits (range partitioning only)
 * @param merges when two neighbouring ranges of one shard merge (range partitioning only)
 * @param moveLoadSplits whether the upper half of a range split for load moves to the least loaded shard, as
 *     CockroachDB's store rebalancer moves hot ranges; without it a load split only makes a smaller range in place
 * @param joiner a shard that joins at {@code joinAtNanos}, or null for none
 * @param joinAtNanos when it joins
 * @param resendEveryNanos how often a table update goes again to the shards that have not said {@code Ready} for it;
 *     0 never, the old behaviour, under which one lost update or {@code Ready} wedges the change (a planted bug)
 * @param durability whether the placement node logs each table it publishes before anyone hears of it, and starts
 *     again from the last one after a crash ({@link ShardSettings.Durability#SYNCED}, real clusters), or keeps its
 *     table in memory only and starts again from the first table (the simulator's chapters, which never crash it)
 */
public record PlacementSettings(
        SplitPolicy splits,
        MergePolicy merges,
        boolean moveLoadSplits,
        NodeId joiner,
        long joinAtNanos,
        long resendEveryNanos,
        ShardSettings.Durability durability) {
    public PlacementSettings {
        Objects.requireNonNull(durability, "durability");
        if (resendEveryNanos < 0) {
            throw new IllegalArgumentException("a resend interval is not negative, got " + resendEveryNanos);
        }
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(merges, "merges");
        if (joinAtNanos < 0) {
            throw new IllegalArgumentException("a join time is not negative, got " + joinAtNanos);
        }
    }

    /** A table kept in memory only. */
    public PlacementSettings(
            SplitPolicy splits,
            MergePolicy merges,
            boolean moveLoadSplits,
            NodeId joiner,
            long joinAtNanos,
            long resendEveryNanos) {
        this(splits, merges, moveLoadSplits, joiner, joinAtNanos, resendEveryNanos, ShardSettings.Durability.MEMORY);
    }

    /** Resending at the shards' default interval. */
    public PlacementSettings(
            SplitPolicy splits, MergePolicy merges, boolean moveLoadSplits, NodeId joiner, long joinAtNanos) {
        this(splits, merges, moveLoadSplits, joiner, joinAtNanos, ShardSettings.RESEND_EVERY_NANOS_DEFAULT);
    }

    /** Splits without merges. */
    public PlacementSettings(SplitPolicy splits, boolean moveLoadSplits, NodeId joiner, long joinAtNanos) {
        this(splits, MergePolicy.never(), moveLoadSplits, joiner, joinAtNanos);
    }

    /** No splits, nobody joins: the table never changes. */
    public static PlacementSettings fixed() {
        return new PlacementSettings(SplitPolicy.never(), false, null, 0);
    }

    /** These settings with {@code policy} for merges. */
    public PlacementSettings withMerges(MergePolicy policy) {
        return new PlacementSettings(splits, policy, moveLoadSplits, joiner, joinAtNanos, resendEveryNanos, durability);
    }

    /** These settings with {@code shard} joining at {@code atNanos}. */
    public PlacementSettings withJoin(NodeId shard, long atNanos) {
        return new PlacementSettings(splits, merges, moveLoadSplits, shard, atNanos, resendEveryNanos, durability);
    }

    /** These settings with table updates sent again every {@code everyNanos} until answered; 0 never. */
    public PlacementSettings withResendEvery(long everyNanos) {
        return new PlacementSettings(splits, merges, moveLoadSplits, joiner, joinAtNanos, everyNanos, durability);
    }

    /** These settings with the table kept as {@code kept} says. */
    public PlacementSettings withDurability(ShardSettings.Durability kept) {
        return new PlacementSettings(splits, merges, moveLoadSplits, joiner, joinAtNanos, resendEveryNanos, kept);
    }
}
