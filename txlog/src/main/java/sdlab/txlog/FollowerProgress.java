package sdlab.txlog;

/**
 * What a leader knows of one follower: its log end offset, which each fetch carries, when it last caught up to the
 * leader's log end, and the high watermark the leader last told it. A follower is caught up while its log end is the
 * leader's (Kafka's rule), at a fetch that asks for the leader's log end, and also, at the time the leader answered
 * its previous fetch, when this fetch asks for at least what the leader's log end was then: under steady writes a
 * follower is never exactly at the end, yet one that keeps fetching everything it was offered is not lagging. A fetch
 * the leader held at its log end (nothing new to send) counts as caught up until the moment the log grew.
 */
final class FollowerProgress {
    static final long UNKNOWN = -1;

    private long logEndOffset = UNKNOWN;
    private long lastCaughtUpNanos;
    private long lastAnswerNanos;
    private long leaderEndAtLastAnswer;
    private long highWatermarkSent = UNKNOWN;

    /** A new leader counts every follower as caught up now, so the in-sync set it inherits gets a full lag period. */
    FollowerProgress(long nowNanos) {
        this.lastCaughtUpNanos = nowNanos;
        this.lastAnswerNanos = nowNanos;
    }

    void onFetch(long fetchOffset, long leaderEnd, long nowNanos) {
        if (fetchOffset >= leaderEnd) {
            lastCaughtUpNanos = nowNanos;
        } else if (fetchOffset >= leaderEndAtLastAnswer) {
            lastCaughtUpNanos = Math.max(lastCaughtUpNanos, lastAnswerNanos);
        }
        logEndOffset = fetchOffset;
    }

    /** The leader answered this follower's fetch, with its log up to {@code leaderEnd} on offer. */
    void onAnswered(long leaderEnd, long highWatermark, long nowNanos) {
        leaderEndAtLastAnswer = leaderEnd;
        lastAnswerNanos = nowNanos;
        highWatermarkSent = highWatermark;
    }

    /** The follower's fetch was held at the leader's log end until the log grew, now. */
    void heldEverythingUntil(long nowNanos) {
        lastCaughtUpNanos = Math.max(lastCaughtUpNanos, nowNanos);
    }

    /** Whether the follower has lagged for longer than {@code lagMaxNanos} behind a leader whose log ends at this. */
    boolean laggingBehind(long leaderEnd, long nowNanos, long lagMaxNanos) {
        return logEndOffset < leaderEnd && nowNanos - lastCaughtUpNanos > lagMaxNanos;
    }

    /** The follower's log end as its last fetch said, or {@link #UNKNOWN} before its first fetch to this leader. */
    long logEndOffset() {
        return logEndOffset;
    }

    /** The high watermark the leader's last answer carried, or {@link #UNKNOWN} before the first. */
    long highWatermarkSent() {
        return highWatermarkSent;
    }
}
