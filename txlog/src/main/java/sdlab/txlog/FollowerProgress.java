package sdlab.txlog;

/**
 * What a leader knows of one follower: its log end offset, which each fetch carries, and when it last caught up to
 * the leader's log end. A follower caught up at a fetch that asked for the leader's log end, and also, at the time of
 * its previous fetch, when this fetch asks for at least what the leader's log end was then: under steady writes a
 * follower is never exactly at the end, yet one that keeps fetching everything it was offered is not lagging.
 */
final class FollowerProgress {
    static final long UNKNOWN = -1;

    private long logEndOffset = UNKNOWN;
    private long lastCaughtUpNanos;
    private long lastFetchNanos;
    private long leaderEndAtLastFetch;

    /** A new leader counts every follower as caught up now, so the in-sync set it inherits gets a full lag period. */
    FollowerProgress(long nowNanos) {
        this.lastCaughtUpNanos = nowNanos;
        this.lastFetchNanos = nowNanos;
    }

    void onFetch(long fetchOffset, long leaderEnd, long nowNanos) {
        if (fetchOffset >= leaderEnd) {
            lastCaughtUpNanos = nowNanos;
        } else if (fetchOffset >= leaderEndAtLastFetch) {
            lastCaughtUpNanos = Math.max(lastCaughtUpNanos, lastFetchNanos);
        }
        leaderEndAtLastFetch = leaderEnd;
        lastFetchNanos = nowNanos;
        logEndOffset = fetchOffset;
    }

    /** The follower's log end as its last fetch said, or {@link #UNKNOWN} before its first fetch to this leader. */
    long logEndOffset() {
        return logEndOffset;
    }

    long lastCaughtUpNanos() {
        return lastCaughtUpNanos;
    }
}
