package sdlab.consensus.raft;

import java.util.Objects;

/**
 * How a Raft cluster and its clients behave.
 *
 * @param electionTimeoutMsMin the shortest election timeout; a follower that heard a leader more
 *     recently than this refuses pre-votes
 * @param electionTimeoutMsMax the longest; each timeout is drawn uniformly in [min, max) from
 *     the node's seeded generator
 * @param heartbeatIntervalMs how often a leader sends heartbeats and checks its quorum, and how
 *     often candidates resend unanswered vote requests
 * @param batchEntriesMax entries in one AppendEntries at most
 * @param appendsInFlightMax AppendEntries a leader sends to one follower without waiting for
 *     replies (pipelining), at most
 * @param clientAttemptTimeoutMs how long a client waits for one node before trying the next
 * @param clientGiveUpMs how long a client tries one operation in all; then a write is unknown
 *     and a read failed
 * @param bug a planted bug, or {@link Bug#NONE}
 */
public record RaftConfig(
        int electionTimeoutMsMin,
        int electionTimeoutMsMax,
        int heartbeatIntervalMs,
        int batchEntriesMax,
        int appendsInFlightMax,
        int clientAttemptTimeoutMs,
        int clientGiveUpMs,
        Bug bug) {

    /** Mistakes that the invariants and the checker must catch. */
    public enum Bug {
        NONE,
        /**
         * A leader commits any entry stored on a majority, also one of an earlier term: the
         * Raft paper's figure 8, where such an entry is later overwritten.
         */
        COMMIT_EARLIER_TERM_BY_COUNTING,
        /** A voter answers before its vote is on disk: after a crash it may vote again in the same term. */
        VOTE_BEFORE_SYNC
    }

    public RaftConfig {
        Objects.requireNonNull(bug, "bug");
        if (electionTimeoutMsMin < 1 || electionTimeoutMsMax <= electionTimeoutMsMin) {
            throw new IllegalArgumentException("the election timeout range must be 1 <= min < max, got ["
                    + electionTimeoutMsMin + ", " + electionTimeoutMsMax + ")");
        }
        if (heartbeatIntervalMs < 1 || heartbeatIntervalMs >= electionTimeoutMsMin) {
            throw new IllegalArgumentException("the heartbeat interval must be positive and below the election"
                    + " timeout (" + electionTimeoutMsMin + " ms), got " + heartbeatIntervalMs);
        }
        if (batchEntriesMax < 1 || appendsInFlightMax < 1) {
            throw new IllegalArgumentException("batchEntriesMax and appendsInFlightMax must be positive, got "
                    + batchEntriesMax + " and " + appendsInFlightMax);
        }
        if (clientAttemptTimeoutMs < 1 || clientGiveUpMs < clientAttemptTimeoutMs) {
            throw new IllegalArgumentException("client timeouts must satisfy 1 <= attempt <= give-up, got "
                    + clientAttemptTimeoutMs + " and " + clientGiveUpMs);
        }
    }

    /** Elections after 150-300 ms, heartbeats every 50 ms, 64 entries a batch, 4 in flight, clients give up after 2 s. */
    public static RaftConfig defaults() {
        return new RaftConfig(150, 300, 50, 64, 4, 300, 2_000, Bug.NONE);
    }

    public RaftConfig withBug(Bug newBug) {
        return new RaftConfig(
                electionTimeoutMsMin,
                electionTimeoutMsMax,
                heartbeatIntervalMs,
                batchEntriesMax,
                appendsInFlightMax,
                clientAttemptTimeoutMs,
                clientGiveUpMs,
                newBug);
    }

    public RaftConfig withBatching(int entriesMax, int inFlightMax) {
        return new RaftConfig(
                electionTimeoutMsMin,
                electionTimeoutMsMax,
                heartbeatIntervalMs,
                entriesMax,
                inFlightMax,
                clientAttemptTimeoutMs,
                clientGiveUpMs,
                bug);
    }
}
