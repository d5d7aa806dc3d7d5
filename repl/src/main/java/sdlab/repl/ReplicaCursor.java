package sdlab.repl;

import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplMessages.Progress;

/**
 * What the primary knows of one replica: how far it has received, flushed and applied the log, and where the
 * next shipment to it starts. Until the replica first reports, the primary does not know where it is and sends it
 * only heartbeats.
 */
final class ReplicaCursor {
    private boolean known;
    private long nextPosition = 1;
    private long received;
    /**
     * What the replica said it had received in its latest report, which may be below {@link #received}: a replica
     * that restarted lost what it had received and not synced, and starts again from what its relay log holds.
     */
    private long reportedReceived;

    private long flushed;
    private long applied;
    private long receivedAtLastTick = -1;

    /** Takes a progress report; positions never go back (a late, reordered report changes nothing). */
    void onProgress(Progress progress) {
        if (!known) {
            known = true;
            nextPosition = progress.receivedPosition() + 1;
        }
        received = Math.max(received, progress.receivedPosition());
        reportedReceived = progress.receivedPosition();
        flushed = Math.max(flushed, progress.flushedPosition());
        applied = Math.max(applied, progress.appliedPosition());
        nextPosition = Math.max(nextPosition, received + 1);
    }

    /**
     * At a heartbeat: if the replica confirmed nothing new since the last one while shipments are outstanding,
     * they were lost or refused, so the next shipment starts again after what it last said it has (go-back-N). That
     * is its latest report, not the highest: a replica that restarted has only what it had synced, and would drop
     * every shipment beyond that as a gap. A late, reordered report only makes the primary ship a few entries twice,
     * which the replica drops as duplicates.
     */
    void onTick() {
        if (known && received == receivedAtLastTick && nextPosition > reportedReceived + 1) {
            nextPosition = reportedReceived + 1;
        }
        receivedAtLastTick = received;
    }

    /** The position the replica reached for semi-sync (flushed to its relay log) or a synchronous level. */
    long position(ReplConfig.Mode mode, SyncLevel level) {
        if (mode != ReplConfig.Mode.SYNC) {
            return flushed;
        }
        return switch (level) {
            case REMOTE_WRITE -> received;
            case ON -> flushed;
            case REMOTE_APPLY -> applied;
        };
    }

    boolean known() {
        return known;
    }

    long nextPosition() {
        return nextPosition;
    }

    void shipped(long lastPosition) {
        nextPosition = Math.max(nextPosition, lastPosition + 1);
    }

    long received() {
        return received;
    }

    long flushed() {
        return flushed;
    }

    /** What the primary knows of {@code replica} now, as a value. */
    ReplicaPosition snapshot(NodeId replica) {
        return new ReplicaPosition(replica, known, received, flushed, applied);
    }
}
