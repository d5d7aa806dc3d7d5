package sdlab.consensus.raft;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a Raft cluster and its clients behave.
 *
 * @param electionTimeoutMsMin the shortest election timeout; a follower that heard a leader more
 *     recently than this refuses pre-votes (and, with lease reads, votes)
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
 * @param snapshotLogEntriesMax applied entries a node keeps in its log at most: beyond that, at
 *     its next heartbeat tick, it snapshots its state machine and compacts the log
 * @param readMode how a leader makes sure it still leads before it answers a read
 * @param clockDriftPpmMax how much faster or slower than real time any node's clock may run, in
 *     parts per million: a lease is shortened by it (see {@link ReadMode#LEASE})
 * @param snapshotChunkBytes bytes of a snapshot in one InstallSnapshot message at most: a large
 *     state goes in chunks, each acknowledged before the next
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
        int snapshotLogEntriesMax,
        ReadMode readMode,
        int clockDriftPpmMax,
        int snapshotChunkBytes,
        Bug bug) {

    /** How a leader serves linearizable reads (Raft thesis §6.4). */
    public enum ReadMode {
        /** One heartbeat round acknowledged by a majority per batch of reads; no clock involved. */
        READ_INDEX,
        /**
         * Locally, while the leader's lease holds: a majority acknowledged a heartbeat round that
         * began less than the shortest election timeout ago, shortened by the clock drift bound,
         * so no other leader can have been elected since (followers refuse votes that long after
         * hearing a leader). Safe only while clocks drift within the bound.
         */
        LEASE
    }

    /** Mistakes that the invariants and the checker must catch. */
    public enum Bug {
        NONE,
        /**
         * A leader commits any entry stored on a majority, also one of an earlier term: the
         * Raft paper's figure 8, where such an entry is later overwritten.
         */
        COMMIT_EARLIER_TERM_BY_COUNTING,
        /** A voter answers before its vote is on disk: after a crash it may vote again in the same term. */
        VOTE_BEFORE_SYNC,
        /**
         * A leader's lease lasts the full shortest election timeout of its own clock: if its
         * clock runs slow or a follower's fast, a new leader is elected while the old one still
         * answers reads from its lease, and they are stale.
         */
        LEASE_WITHOUT_DRIFT_BOUND,
        /**
         * A leader accepts a membership change before it has committed an entry of its own term:
         * the single-server change bug Ongaro described in 2015, where a change it never saw
         * (an earlier leader's, uncommitted) and its own give two configurations with disjoint
         * majorities, and a committed entry can be lost.
         */
        CHANGE_BEFORE_TERM_COMMIT,
        /**
         * The state machine applies a transaction's writes without checking its conditions: a
         * transfer's "if the payer holds at least the amount" is dropped, and the debit lands
         * whatever the balance is.
         */
        TXN_CONDITIONS_IGNORED
    }

    public RaftConfig {
        Objects.requireNonNull(readMode, "readMode");
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
        if (snapshotLogEntriesMax < 1) {
            throw new IllegalArgumentException("snapshotLogEntriesMax must be positive, got " + snapshotLogEntriesMax);
        }
        if (snapshotChunkBytes < 1) {
            throw new IllegalArgumentException("snapshotChunkBytes must be positive, got " + snapshotChunkBytes);
        }
        if (clockDriftPpmMax < 0 || clockDriftPpmMax >= 1_000_000) {
            throw new IllegalArgumentException("clockDriftPpmMax must be in [0, 1000000), got " + clockDriftPpmMax);
        }
    }

    /**
     * Elections after 150-300 ms, heartbeats every 50 ms, 64 entries a batch, 4 in flight, clients
     * give up after 2 s, a snapshot every 10,000 applied entries, ReadIndex reads, clocks within
     * 1,000 ppm (ten times worse than ordinary quartz) for leases.
     */
    public static RaftConfig defaults() {
        return new RaftConfig(150, 300, 50, 64, 4, 300, 2_000, 10_000, ReadMode.READ_INDEX, 1_000, 1 << 20, Bug.NONE);
    }

    public RaftConfig withBug(Bug newBug) {
        return copy(c -> c.bug = newBug);
    }

    public RaftConfig withBatching(int entriesMax, int inFlightMax) {
        return copy(c -> {
            c.batchEntriesMax = entriesMax;
            c.appendsInFlightMax = inFlightMax;
        });
    }

    /** Snapshots once more than {@code entriesMax} applied entries are in the log. */
    public RaftConfig withSnapshotLogEntriesMax(int entriesMax) {
        return copy(c -> c.snapshotLogEntriesMax = entriesMax);
    }

    /** Reads served by {@code mode}, leases shortened for clocks within {@code driftPpmMax}. */
    public RaftConfig withReads(ReadMode mode, int driftPpmMax) {
        return copy(c -> {
            c.readMode = mode;
            c.clockDriftPpmMax = driftPpmMax;
        });
    }

    /** Clients wait {@code attemptMs} for one node and {@code giveUpMs} for one operation. */
    public RaftConfig withClientTimeouts(int attemptMs, int giveUpMs) {
        return copy(c -> {
            c.clientAttemptTimeoutMs = attemptMs;
            c.clientGiveUpMs = giveUpMs;
        });
    }

    /** Snapshots sent in chunks of at most {@code bytes}. */
    public RaftConfig withSnapshotChunkBytes(int bytes) {
        return copy(c -> c.snapshotChunkBytes = bytes);
    }

    /** Election timeouts drawn from [min, max) ms. */
    public RaftConfig withElectionTimeouts(int msMin, int msMax) {
        return copy(c -> {
            c.electionTimeoutMsMin = msMin;
            c.electionTimeoutMsMax = msMax;
        });
    }

    /** This configuration with {@code change} made to a copy of its fields (and checked again). */
    private RaftConfig copy(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.build();
    }

    /** The fields of a configuration being derived from another: the withers change some of them. */
    private static final class Fields {
        int electionTimeoutMsMin;
        int electionTimeoutMsMax;
        int heartbeatIntervalMs;
        int batchEntriesMax;
        int appendsInFlightMax;
        int clientAttemptTimeoutMs;
        int clientGiveUpMs;
        int snapshotLogEntriesMax;
        ReadMode readMode;
        int clockDriftPpmMax;
        int snapshotChunkBytes;
        Bug bug;

        Fields(RaftConfig from) {
            electionTimeoutMsMin = from.electionTimeoutMsMin;
            electionTimeoutMsMax = from.electionTimeoutMsMax;
            heartbeatIntervalMs = from.heartbeatIntervalMs;
            batchEntriesMax = from.batchEntriesMax;
            appendsInFlightMax = from.appendsInFlightMax;
            clientAttemptTimeoutMs = from.clientAttemptTimeoutMs;
            clientGiveUpMs = from.clientGiveUpMs;
            snapshotLogEntriesMax = from.snapshotLogEntriesMax;
            readMode = from.readMode;
            clockDriftPpmMax = from.clockDriftPpmMax;
            snapshotChunkBytes = from.snapshotChunkBytes;
            bug = from.bug;
        }

        RaftConfig build() {
            return new RaftConfig(
                    electionTimeoutMsMin,
                    electionTimeoutMsMax,
                    heartbeatIntervalMs,
                    batchEntriesMax,
                    appendsInFlightMax,
                    clientAttemptTimeoutMs,
                    clientGiveUpMs,
                    snapshotLogEntriesMax,
                    readMode,
                    clockDriftPpmMax,
                    snapshotChunkBytes,
                    bug);
        }
    }

    /**
     * How long a lease lasts on the leader's clock after the heartbeat round that confirms it
     * began: the shortest election timeout, shortened so that it stays within it on any follower's
     * clock ({@code (1 - drift) / (1 + drift)}: the leader's clock may run slow, the follower's
     * fast). With the planted bug, the full timeout.
     */
    long leaseNanos() {
        long timeoutNanos = electionTimeoutMsMin * 1_000_000L;
        if (bug == Bug.LEASE_WITHOUT_DRIFT_BOUND) {
            return timeoutNanos;
        }
        return (long) (timeoutNanos * (1e6 - clockDriftPpmMax) / (1e6 + clockDriftPpmMax));
    }
}
