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
 */
public record ShardSettings(
        NodeId placement,
        long pointNanos,
        long perKeyNanos,
        long reportEveryNanos,
        int valueBytes,
        int hotKeysTracked) {
    public ShardSettings {
        Objects.requireNonNull(placement, "placement");
        if (pointNanos < 0 || perKeyNanos < 0 || reportEveryNanos < 0 || valueBytes < 0 || hotKeysTracked < 1) {
            throw new IllegalArgumentException("shard settings out of range: " + pointNanos + ", " + perKeyNanos + ", "
                    + reportEveryNanos + ", " + valueBytes + ", " + hotKeysTracked);
        }
    }

    /** The bytes an entry of {@code key} takes. */
    long entryBytes(String key) {
        return key.length() + (long) valueBytes;
    }
}
