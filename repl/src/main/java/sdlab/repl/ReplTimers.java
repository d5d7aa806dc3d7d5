package sdlab.repl;

import sdlab.core.NodeId;
import sdlab.core.Timer;

/** Every timer of the replicated store, its operator and its client. */
sealed interface ReplTimers extends Timer {

    /** The primary ships, or sends a heartbeat, and rewinds a replica that stopped confirming. */
    record Heartbeat() implements ReplTimers {}

    /** The commit at {@code position} has waited the semi-sync timeout. */
    record CommitTimeout(long position) implements ReplTimers {}

    /**
     * A replica's applier finished the next entry of what {@code source} shipped (a node that replicates from several
     * sources, {@link ActiveActiveNode}, has one applier per source).
     */
    record ApplyNext(NodeId source) implements ReplTimers {}

    /** A read waiting for a position gives up. */
    record ReadTimeout(NodeId client, long requestId) implements ReplTimers {}

    /** The operator checks the primary. */
    record HealthCheck() implements ReplTimers {}

    /** The operator stops waiting for replicas' positions in round {@code round}. */
    record CollectOver(long round) implements ReplTimers {}

    /** A primary renews its lease. */
    record LeaseRenew() implements ReplTimers {}

    /** A primary's lease may have run out. */
    record LeaseLapse() implements ReplTimers {}

    /** The failover manager probes the primary (and tells deposed primaries again to step down). */
    record ProbeDue() implements ReplTimers {}

    /** The failover manager gives up on the answers to its probe of round {@code round}. */
    record ProbeOver(long round) implements ReplTimers {}

    /** A client stops waiting for the answer to operation {@code opId}. */
    record RequestTimeout(long opId) implements ReplTimers {}

    /** The primary may send the next snapshot chunk to {@code replica}: the previous one has had its transfer time. */
    record SnapshotNextChunk(NodeId replica) implements ReplTimers {}

    /**
     * A joining node has waited long enough for a snapshot chunk since its request or chunk numbered {@code
     * progressMark}: if nothing came since, its source stopped sending (it restarted and forgot the transfer, or the
     * request reached a node that was not primary yet), and it asks again.
     */
    record SnapshotOverdue(long progressMark) implements ReplTimers {}

    /** The disk read of a page that a read missed in the cache completed. */
    record PageReadDone(long readNumber) implements ReplTimers {}

    /** A balancing client polls its replicas' lag. */
    record LagProbeDue() implements ReplTimers {}

    /** The primary sends the archive what it has not archived yet ({@link ColdStandby}'s archive timeout). */
    record ArchiveDue() implements ReplTimers {}

    /** The archive takes a base backup of its state. */
    record BaseBackupDue() implements ReplTimers {}

    /** A cold standby that was told to take over has started and may restore. */
    record BootDone() implements ReplTimers {}

    /** A restoring standby asks the archive again if fetch {@code fetch} is still unanswered. */
    record FetchRetry(long fetch) implements ReplTimers {}

    /** A restored standby has replayed the archived log it fetched. */
    record ReplayDone() implements ReplTimers {}
}
