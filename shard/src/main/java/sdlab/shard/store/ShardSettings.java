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
 */
public record ShardSettings(
        NodeId placement,
        long pointNanos,
        long perKeyNanos,
        long reportEveryNanos,
        int valueBytes,
        int hotKeysTracked,
        double hotKeyRatePerSecond,
        NodeId replicaOf) {
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
                replicaOf);
    }

    /** These settings for a copy of {@code shard} that does not report load (the placement node places shards). */
    public ShardSettings asReplicaOf(NodeId shard) {
        return new ShardSettings(
                placement, pointNanos, perKeyNanos, 0, valueBytes, hotKeysTracked, hotKeyRatePerSecond, shard);
    }

    /** The bytes an entry of {@code key} takes. */
    long entryBytes(String key) {
        return key.length() + (long) valueBytes;
    }
}
