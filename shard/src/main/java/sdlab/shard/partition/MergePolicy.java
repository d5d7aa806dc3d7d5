package sdlab.shard.partition;

/**
 * When two neighbouring ranges of one shard merge: when together they hold fewer than {@code keysMin} keys and served
 * at most {@code requestsMax} requests in a report interval (CockroachDB merges ranges below {@code range_min_bytes}
 * whose load is low). Keep {@code keysMin} well under the split size and {@code requestsMax} well under the split load,
 * or a range would split and merge back in turn. Zero {@code keysMin} switches merging off.
 *
 * @param keysMin merge two neighbours holding fewer keys than this together; 0 never
 * @param requestsMax and serving at most this many requests together per report interval
 */
public record MergePolicy(long keysMin, long requestsMax) {
    public MergePolicy {
        if (keysMin < 0 || requestsMax < 0) {
            throw new IllegalArgumentException("merge thresholds are not negative: " + keysMin + ", " + requestsMax);
        }
    }

    /** No merges. */
    public static MergePolicy never() {
        return new MergePolicy(0, 0);
    }

    /** Whether two neighbours with these figures, taken together, merge. */
    public boolean merges(long keys, long requests) {
        return keysMin > 0 && keys < keysMin && requests <= requestsMax;
    }
}
