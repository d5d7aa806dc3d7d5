package sdlab.txlog;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where each leader epoch starts in one replica's log (KIP-101's leader-epoch checkpoint). A follower of a new leader
 * asks the leader where the follower's latest epoch ended in the leader's log and truncates there: what it holds past
 * that point was written by a leader whose records the new leader never had, so it diverges. Truncating to the high
 * watermark instead, as Kafka did before KIP-101, can lose committed records or keep divergent ones.
 */
final class LeaderEpochCache {
    /** Where an epoch ended: the largest epoch at or below the one asked, and the first offset after it. */
    record EpochEnd(int epoch, long endOffset) {}

    static final int NO_EPOCH = -1;

    private final TreeMap<Integer, Long> startOffsetByEpoch = new TreeMap<>();

    /** Records that {@code epoch} starts at {@code startOffset}; an epoch already known keeps its start. */
    void assign(int epoch, long startOffset) {
        if (startOffsetByEpoch.isEmpty() || epoch > startOffsetByEpoch.lastKey()) {
            startOffsetByEpoch.put(epoch, startOffset);
        }
    }

    int latestEpoch() {
        return startOffsetByEpoch.isEmpty() ? NO_EPOCH : startOffsetByEpoch.lastKey();
    }

    /**
     * Where {@code epoch} ends in a log whose end is {@code logEnd}: at the start of the next epoch, or at the log end
     * when it is the latest. An epoch older than every one known ends where the first known one starts.
     */
    EpochEnd endOffsetFor(int epoch, long logEnd) {
        Map.Entry<Integer, Long> floor = startOffsetByEpoch.floorEntry(epoch);
        Map.Entry<Integer, Long> next = startOffsetByEpoch.higherEntry(epoch);
        long end = next == null ? logEnd : next.getValue();
        return new EpochEnd(floor == null ? NO_EPOCH : floor.getKey(), end);
    }

    /** Forgets the epochs that start at or after {@code offset}, after the log was cut there. */
    void truncateFromEnd(long offset) {
        startOffsetByEpoch.values().removeIf(start -> start >= offset);
    }

    /** Forgets everything: the log was emptied and starts again elsewhere. */
    void clear() {
        startOffsetByEpoch.clear();
    }
}
