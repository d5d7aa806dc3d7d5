package sdlab.shard.partition;

import java.util.Optional;

/**
 * When a range splits: by size when it holds more than {@code keysMax} keys (HBase's
 * {@code hbase.hregion.max.filesize}, CockroachDB's {@code range_max_bytes}), by load when it served more than
 * {@code requestsMax} requests in one report interval (CockroachDB's load-based splitting, its QPS threshold).
 * Zero switches a trigger off. A split needs a key to cut at, inside the range: the median of what the shard saw.
 *
 * @param keysMax split a range holding more keys than this; 0 never
 * @param requestsMax split a range that served more requests than this in a report interval; 0 never
 */
public record SplitPolicy(long keysMax, long requestsMax) {
    public SplitPolicy {
        if (keysMax < 0 || requestsMax < 0) {
            throw new IllegalArgumentException("split thresholds are not negative: " + keysMax + ", " + requestsMax);
        }
    }

    /** No splits at all. */
    public static SplitPolicy never() {
        return new SplitPolicy(0, 0);
    }

    /**
     * Why a range with these figures splits, if it does; load first, since a hot range's split may also move half of
     * its load away.
     */
    public Optional<Reason> reason(long keys, long requests) {
        if (requestsMax > 0 && requests > requestsMax) {
            return Optional.of(Reason.LOAD);
        }
        if (keysMax > 0 && keys > keysMax) {
            return Optional.of(Reason.SIZE);
        }
        return Optional.empty();
    }

    /** What made a range split. */
    public enum Reason {
        SIZE,
        LOAD
    }
}
