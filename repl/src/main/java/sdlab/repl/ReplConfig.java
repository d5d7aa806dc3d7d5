package sdlab.repl;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import sdlab.core.NodeId;

/**
 * How a replicated store behaves: who is primary at the start, who replicates, and when a commit is
 * acknowledged. All times are of the node's own clock, in nanoseconds.
 *
 * @param primary the primary at the start (a promoted replica remembers its promotion on disk)
 * @param replicas the replicas at the start, in the order the primary ships to them
 * @param mode asynchronous, semi-synchronous (MySQL/MariaDB) or synchronous (PostgreSQL)
 * @param waitPoint semi-sync only: whether a commit is visible before the acknowledgements (AFTER_COMMIT) or after
 * @param syncLevel sync only: how far a replica must have taken an entry before it counts
 * @param acksRequired how many replicas must acknowledge a commit ({@code rpl_semi_sync_master_wait_for_slave_count},
 *     or the number in {@code synchronous_standby_names = 'ANY n (...)'})
 * @param timeoutNanosSemiSync semi-sync only: how long a commit waits before the primary falls back to asynchronous
 *     ({@code rpl_semi_sync_master_timeout}); synchronous modes wait for ever, as PostgreSQL does
 * @param heartbeatNanos how often the primary ships (or, with nothing new, sends a heartbeat) and resends what a
 *     replica did not confirm
 * @param applyNanosPerEntry how long a replica's applier takes per entry (the SQL thread, the startup process)
 * @param shipEntriesMax entries per shipment, at most
 * @param pendingCommitsMax commits the primary keeps waiting at once; a write beyond it is refused
 * @param readWaitsMax reads that wait for a position at once, per node; a read beyond it is refused
 * @param bug a planted bug, for tests that show a claim can fail; {@link Bug#NONE} otherwise
 */
public record ReplConfig(
        NodeId primary,
        List<NodeId> replicas,
        Mode mode,
        WaitPoint waitPoint,
        SyncLevel syncLevel,
        int acksRequired,
        long timeoutNanosSemiSync,
        long heartbeatNanos,
        long applyNanosPerEntry,
        int shipEntriesMax,
        int pendingCommitsMax,
        int readWaitsMax,
        Bug bug) {

    /** When the client hears "committed". */
    public enum Mode {
        /** After the primary's own log is synced; replicas catch up when they can. */
        ASYNC,
        /** After {@code acksRequired} replicas synced the entry to their relay log, or the timeout, whichever first. */
        SEMI_SYNC,
        /** After {@code acksRequired} replicas reached {@link SyncLevel}; no timeout. */
        SYNC
    }

    /** Semi-sync's wait point ({@code rpl_semi_sync_master_wait_point}). */
    public enum WaitPoint {
        /** The commit is visible on the primary, then the client waits for acknowledgements (MariaDB's default). */
        AFTER_COMMIT,
        /** The commit waits for the acknowledgements before anyone can see it ("lossless", MySQL 5.7's default). */
        AFTER_SYNC
    }

    /** PostgreSQL's {@code synchronous_commit} levels beyond {@code local}. */
    public enum SyncLevel {
        /** The replica received the entry and wrote it to its log, not yet flushed. */
        REMOTE_WRITE,
        /** The replica flushed the entry to its log (PostgreSQL's {@code on}). */
        ON,
        /** The replica applied the entry: a read there sees it. */
        REMOTE_APPLY
    }

    /** Planted bugs; each breaks one promise so that a test can show the claim that catches it. */
    public enum Bug {
        NONE,
        /** A replica reports an entry as flushed when it has written it, before its relay log is synced. */
        ACK_BEFORE_RELAY_SYNC,
        /**
         * After a promotion, a fenced replica still accepts shipments under an older token and follows whoever shipped
         * last: the deposed primary's writes are accepted again.
         */
        PROMOTION_IGNORES_FENCING_TOKEN,
        /** A primary whose lease lapses goes on taking writes. */
        NO_SELF_DEMOTION,
        /** A node joining from a snapshot serves reads from its empty state before the snapshot is loaded. */
        SERVES_BEFORE_SNAPSHOT,
        /** A lag-aware balancer routes to every replica whatever lag it reports: even balancing under another name. */
        LAG_AWARE_IGNORES_LAG,
        /**
         * Active-active primaries skip each other's entries while confirming them, as two MySQL servers with the same
         * server id take each other's events for their own: each acknowledges writes the other never gets.
         */
        ACTIVE_ACTIVE_SKIPS_PEER_WRITES,
        /**
         * A cold standby restores the archive's base backup and skips the archived log after it: it takes over with
         * the state of the last base backup, and everything archived since is gone.
         */
        RESTORE_SKIPS_ARCHIVED_LOG,
        /**
         * The failover manager adds a replica to its candidates but keeps waiting for as many answers as it did at
         * the start: with the set grown, those answers may all come from replicas that lack an acknowledged commit.
         */
        ANSWERS_MIN_FIXED,
        /**
         * The failover manager confirms an added replica without counting it among its candidates: it is never asked
         * where it is, never promoted, and a commit that only it acknowledged is lost at the next failover.
         */
        ADDED_REPLICA_NOT_CANDIDATE,
        /**
         * A replica that joined from a snapshot keeps the snapshot's position in memory only, as before the base was
         * written to disk: after a restart it starts from an empty log and copies its source's whole log again.
         */
        SNAPSHOT_BASE_IN_MEMORY,
        /**
         * A primary keeps the replicas that joined it from a snapshot in memory only, as the store did before they were
         * written to its role file: restarted, it knows only the configuration's replicas, ignores the added ones'
         * reports, ships them nothing and counts none of their acknowledgements.
         */
        PRIMARY_FORGETS_ADDED_REPLICAS,
        /**
         * A node joining from a snapshot waits for the primary its {@code JoinFrom} named for as long as it takes: it
         * neither follows the failover manager to a new primary nor asks again when the chunks stop coming.
         */
        JOINER_WAITS_FOR_FIRST_PRIMARY
    }

    public ReplConfig {
        Objects.requireNonNull(primary, "primary");
        replicas = List.copyOf(replicas);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(waitPoint, "waitPoint");
        Objects.requireNonNull(syncLevel, "syncLevel");
        Objects.requireNonNull(bug, "bug");
        if (replicas.contains(primary)) {
            throw new IllegalArgumentException(primary + " cannot be primary and replica at once");
        }
        if (mode != Mode.ASYNC && (acksRequired < 1 || acksRequired > replicas.size())) {
            throw new IllegalArgumentException(
                    "acksRequired must be between 1 and the " + replicas.size() + " replicas, got " + acksRequired);
        }
        if (timeoutNanosSemiSync <= 0 || heartbeatNanos <= 0 || applyNanosPerEntry < 0) {
            throw new IllegalArgumentException(
                    "the timeout and heartbeat must be positive, the apply time not negative");
        }
        if (shipEntriesMax < 1 || pendingCommitsMax < 1 || readWaitsMax < 1) {
            throw new IllegalArgumentException("bounds must be at least 1");
        }
    }

    /**
     * Asynchronous, one acknowledgement when a mode needs one, a 10 s semi-sync timeout (MySQL's default), a 10 ms
     * heartbeat, 100 µs per applied entry, and bounds of 256 entries per shipment, 10,000 waiting commits and 1,000
     * waiting reads.
     */
    public static ReplConfig defaults(NodeId primary, List<NodeId> replicas) {
        return new ReplConfig(
                primary,
                replicas,
                Mode.ASYNC,
                WaitPoint.AFTER_SYNC,
                SyncLevel.ON,
                1,
                10_000_000_000L,
                10_000_000L,
                100_000L,
                256,
                10_000,
                1_000,
                Bug.NONE);
    }

    /** Asynchronous replication. */
    public ReplConfig async() {
        return copy(c -> c.mode = Mode.ASYNC);
    }

    /** Semi-synchronous replication with the given wait point. */
    public ReplConfig semiSync(WaitPoint point) {
        return copy(c -> {
            c.mode = Mode.SEMI_SYNC;
            c.waitPoint = point;
        });
    }

    /** Synchronous replication at the given level. */
    public ReplConfig sync(SyncLevel level) {
        return copy(c -> {
            c.mode = Mode.SYNC;
            c.syncLevel = level;
        });
    }

    public ReplConfig withAcksRequired(int acks) {
        return copy(c -> c.acksRequired = acks);
    }

    public ReplConfig withTimeoutNanosSemiSync(long nanos) {
        return copy(c -> c.timeoutNanosSemiSync = nanos);
    }

    public ReplConfig withHeartbeatNanos(long nanos) {
        return copy(c -> c.heartbeatNanos = nanos);
    }

    public ReplConfig withApplyNanosPerEntry(long nanos) {
        return copy(c -> c.applyNanosPerEntry = nanos);
    }

    public ReplConfig withBug(Bug planted) {
        return copy(c -> c.bug = planted);
    }

    /** The same settings with another primary and replicas: what a promoted replica runs with. */
    public ReplConfig withMembers(NodeId newPrimary, List<NodeId> newReplicas) {
        return copy(c -> {
            c.primary = newPrimary;
            c.replicas = newReplicas;
            // A smaller group cannot give more acknowledgements than it has replicas.
            c.acksRequired = Math.max(1, Math.min(c.acksRequired, newReplicas.size()));
        });
    }

    /** Whether a client's acknowledgement waits for replicas at all (before any fallback). */
    public boolean waitsForReplicas() {
        return mode != Mode.ASYNC;
    }

    /** Whether a commit becomes visible on the primary before its replicas acknowledge it. */
    public boolean visibleBeforeAcks() {
        return mode == Mode.ASYNC || (mode == Mode.SEMI_SYNC && waitPoint == WaitPoint.AFTER_COMMIT);
    }

    /** A short name for reports and traces: async, semisync-after-commit, sync-remote-apply, ... */
    public String modeName() {
        return switch (mode) {
            case ASYNC -> "async";
            case SEMI_SYNC ->
                "semisync-" + waitPoint.name().toLowerCase(Locale.ROOT).replace('_', '-');
            case SYNC -> "sync-" + syncLevel.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** This configuration with {@code change} made to a copy of its fields (and checked again). */
    private ReplConfig copy(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.build();
    }

    /** The fields of a configuration being derived from another: the withers change some of them. */
    private static final class Fields {
        NodeId primary;
        List<NodeId> replicas;
        Mode mode;
        WaitPoint waitPoint;
        SyncLevel syncLevel;
        int acksRequired;
        long timeoutNanosSemiSync;
        long heartbeatNanos;
        long applyNanosPerEntry;
        int shipEntriesMax;
        int pendingCommitsMax;
        int readWaitsMax;
        Bug bug;

        Fields(ReplConfig from) {
            primary = from.primary;
            replicas = from.replicas;
            mode = from.mode;
            waitPoint = from.waitPoint;
            syncLevel = from.syncLevel;
            acksRequired = from.acksRequired;
            timeoutNanosSemiSync = from.timeoutNanosSemiSync;
            heartbeatNanos = from.heartbeatNanos;
            applyNanosPerEntry = from.applyNanosPerEntry;
            shipEntriesMax = from.shipEntriesMax;
            pendingCommitsMax = from.pendingCommitsMax;
            readWaitsMax = from.readWaitsMax;
            bug = from.bug;
        }

        ReplConfig build() {
            return new ReplConfig(
                    primary,
                    replicas,
                    mode,
                    waitPoint,
                    syncLevel,
                    acksRequired,
                    timeoutNanosSemiSync,
                    heartbeatNanos,
                    applyNanosPerEntry,
                    shipEntriesMax,
                    pendingCommitsMax,
                    readWaitsMax,
                    bug);
        }
    }
}
