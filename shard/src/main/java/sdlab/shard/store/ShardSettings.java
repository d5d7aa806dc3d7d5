package sdlab.shard.store;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a shard works.
 *
 * @param placement the placement node it reports to
 * @param pointNanos the service time of a get, put or aggregate leg: one request at a time, so load becomes queueing
 * @param perKeyNanos the extra service time per entry a scan returns
 * @param reportEveryNanos how often it reports its load to the placement node; 0 never
 * @param valueBytes the size of a value, for the bytes a handoff moves (an entry is its key's bytes plus this)
 * @param hotKeysTracked the counters of its online top-k of hot keys
 * @param hotKeyRatePerSecond the most requests a second a key its top-k names may have served, with a burst of a
 *     tenth of that; beyond it requests are refused as {@link ShardMessage.Throttled}; 0 never limits
 * @param replicaOf the shard whose copy this node is, whose keys it owns under the table; null for the shard itself
 * @param resendEveryNanos how often a handoff not yet acknowledged is sent again; 0 never, the old behaviour, under
 *     which one lost handoff or acknowledgement wedges the change (kept as a planted bug)
 * @param durability whether the shard keeps its entries and table on its disk, and when it acknowledges
 */
public record ShardSettings(
        NodeId placement,
        long pointNanos,
        long perKeyNanos,
        long reportEveryNanos,
        int valueBytes,
        int hotKeysTracked,
        double hotKeyRatePerSecond,
        NodeId replicaOf,
        long resendEveryNanos,
        Durability durability) {
    /** How long a handoff waits for its acknowledgement before it is sent again, unless the settings say otherwise. */
    public static final long RESEND_EVERY_NANOS_DEFAULT = 20_000_000L;

    /** Where a shard keeps its entries, and when a write is acknowledged. */
    public enum Durability {
        /** In memory only: a crash loses everything. What the chapters run, which crash no shard. */
        MEMORY,
        /** In a log on the node's disk; a write, a table change and a handoff taken in are acknowledged after sync. */
        SYNCED,
        /** Planted bug: logged as {@link #SYNCED}, but acknowledged before the sync, so a crash loses acked writes. */
        ACK_BEFORE_SYNC
    }

    /** A shard with the default resends, in memory. */
    public ShardSettings(
            NodeId placement,
            long pointNanos,
            long perKeyNanos,
            long reportEveryNanos,
            int valueBytes,
            int hotKeysTracked,
            double hotKeyRatePerSecond,
            NodeId replicaOf) {
        this(
                placement,
                pointNanos,
                perKeyNanos,
                reportEveryNanos,
                valueBytes,
                hotKeysTracked,
                hotKeyRatePerSecond,
                replicaOf,
                RESEND_EVERY_NANOS_DEFAULT,
                Durability.MEMORY);
    }

    /** A shard that is no copy of another. */
    public ShardSettings(
            NodeId placement,
            long pointNanos,
            long perKeyNanos,
            long reportEveryNanos,
            int valueBytes,
            int hotKeysTracked,
            double hotKeyRatePerSecond) {
        this(
                placement,
                pointNanos,
                perKeyNanos,
                reportEveryNanos,
                valueBytes,
                hotKeysTracked,
                hotKeyRatePerSecond,
                null);
    }

    /** A shard that limits no key. */
    public ShardSettings(
            NodeId placement,
            long pointNanos,
            long perKeyNanos,
            long reportEveryNanos,
            int valueBytes,
            int hotKeysTracked) {
        this(placement, pointNanos, perKeyNanos, reportEveryNanos, valueBytes, hotKeysTracked, 0);
    }

    public ShardSettings {
        if (!(hotKeyRatePerSecond >= 0)) {
            throw new IllegalArgumentException("a hot key's rate is not negative, got " + hotKeyRatePerSecond);
        }
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(durability, "durability");
        if (resendEveryNanos < 0) {
            throw new IllegalArgumentException("a resend interval is not negative, got " + resendEveryNanos);
        }
        if (pointNanos < 0 || perKeyNanos < 0 || reportEveryNanos < 0 || valueBytes < 0 || hotKeysTracked < 1) {
            throw new IllegalArgumentException("shard settings out of range: " + pointNanos + ", " + perKeyNanos + ", "
                    + reportEveryNanos + ", " + valueBytes + ", " + hotKeysTracked);
        }
    }

    /** These settings with hot keys limited to {@code ratePerSecond}. */
    public ShardSettings withHotKeyRate(double ratePerSecond) {
        return new ShardSettings(
                placement,
                pointNanos,
                perKeyNanos,
                reportEveryNanos,
                valueBytes,
                hotKeysTracked,
                ratePerSecond,
                replicaOf,
                resendEveryNanos,
                durability);
    }

    /** These settings for a copy of {@code shard} that does not report load (the placement node places shards). */
    public ShardSettings asReplicaOf(NodeId shard) {
        return new ShardSettings(
                placement,
                pointNanos,
                perKeyNanos,
                0,
                valueBytes,
                hotKeysTracked,
                hotKeyRatePerSecond,
                shard,
                resendEveryNanos,
                durability);
    }

    /** These settings with unacknowledged handoffs sent again every {@code everyNanos}; 0 never. */
    public ShardSettings withResendEvery(long everyNanos) {
        return new ShardSettings(
                placement,
                pointNanos,
                perKeyNanos,
                reportEveryNanos,
                valueBytes,
                hotKeysTracked,
                hotKeyRatePerSecond,
                replicaOf,
                everyNanos,
                durability);
    }

    /** These settings with entries kept as {@code kept} says. */
    public ShardSettings withDurability(Durability kept) {
        return new ShardSettings(
                placement,
                pointNanos,
                perKeyNanos,
                reportEveryNanos,
                valueBytes,
                hotKeysTracked,
                hotKeyRatePerSecond,
                replicaOf,
                resendEveryNanos,
                kept);
    }

    /** The bytes an entry of {@code key} takes. */
    long entryBytes(String key) {
        return key.length() + (long) valueBytes;
    }
}
