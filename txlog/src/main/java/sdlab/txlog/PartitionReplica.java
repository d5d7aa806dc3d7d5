package sdlab.txlog;

import java.util.Optional;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.txlog.ReplicationMessages.EpochEndOffset;
import sdlab.txlog.ReplicationMessages.EpochEndOffsetOk;
import sdlab.txlog.ReplicationMessages.ReplicaRefused;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * One broker's replica of one partition: its log, the controller's latest word about the partition, and the role that
 * word gives this broker (State pattern): leader, follower, or neither while the partition has no leader or this
 * broker holds no copy. A newer leader epoch replaces the role; the same epoch with a newer in-sync set updates it.
 */
final class PartitionReplica {
    private final PartitionLog log;
    private final NodeId self;
    private final ReplicationConfig config;
    private final Bug bug;
    private PartitionState state;
    private PartitionLeader leader;
    private PartitionFollower follower;

    PartitionReplica(PartitionLog log, NodeId self, ReplicationConfig config, Bug bug) {
        this.log = log;
        this.self = self;
        this.config = config;
        this.bug = bug;
    }

    PartitionLog log() {
        return log;
    }

    Optional<PartitionState> state() {
        return Optional.ofNullable(state);
    }

    boolean leads() {
        return leader != null;
    }

    /** The leader role; only while {@link #leads()}. */
    PartitionLeader leader() {
        if (leader == null) {
            throw new IllegalStateException(self + " does not lead " + log.id());
        }
        return leader;
    }

    Optional<PartitionFollower> follower() {
        return Optional.ofNullable(follower);
    }

    /** Takes the controller's word if it is newer than what this replica knows. */
    void onState(PartitionState newer, NodeContext ctx) {
        if (!newer.newerThan(state)) {
            return;
        }
        boolean sameEpoch = state != null && state.leaderEpoch() == newer.leaderEpoch();
        state = newer;
        if (self.equals(newer.leader())) {
            if (sameEpoch && leader != null) {
                leader.update(newer, ctx);
                return;
            }
            becomeLeader(newer, ctx);
        } else if (newer.leader() != null && newer.replicas().contains(self)) {
            if (!(sameEpoch && follower != null)) {
                becomeFollower(newer, ctx);
            }
        } else {
            resign();
        }
    }

    private void becomeLeader(PartitionState newer, NodeContext ctx) {
        resign();
        ctx.note(log.id() + ": leads in epoch " + newer.leaderEpoch() + " from offset " + log.logEndOffset());
        log.epochs().assign(newer.leaderEpoch(), log.logEndOffset());
        leader = new PartitionLeader(log, self, newer, config, bug, ctx.nowNanos());
        leader.advanceHighWatermark(ctx);
    }

    private void becomeFollower(PartitionState newer, NodeContext ctx) {
        resign();
        follower = new PartitionFollower(log, newer, config, bug);
        follower.start(ctx);
    }

    private void resign() {
        if (leader != null) {
            leader.resign();
        }
        leader = null;
        follower = null;
    }

    /** The controller answered this leader's in-sync-set change. */
    void onAlterIsrAnswer(ReplicationMessages.AlterIsrAnswer answer, NodeContext ctx) {
        if (leader != null && !answer.accepted()) {
            leader.changeRefused();
        }
        onState(answer.state(), ctx);
    }

    /** A follower asks where its epoch ended here. */
    void onEpochEndOffset(NodeId from, EpochEndOffset ask, NodeContext ctx) {
        if (leader == null || ask.leaderEpoch() != state.leaderEpoch()) {
            ErrorCode error = leader == null
                    ? ErrorCode.NOT_LEADER_OR_FOLLOWER
                    : ask.leaderEpoch() < state.leaderEpoch()
                            ? ErrorCode.FENCED_LEADER_EPOCH
                            : ErrorCode.UNKNOWN_LEADER_EPOCH;
            ctx.send(from, new ReplicaRefused(log.id(), ask.leaderEpoch(), error, log.logStartOffset()));
            return;
        }
        LeaderEpochCache.EpochEnd end = log.epochs().endOffsetFor(ask.epoch(), log.logEndOffset());
        ctx.send(from, new EpochEndOffsetOk(log.id(), state.leaderEpoch(), end.epoch(), end.endOffset()));
    }

    /** A fetch this broker held as leader waited long enough; ignored once it no longer leads. */
    void onFetchWaitEnds(ParkedFetches.WaitEnds ends, NodeContext ctx) {
        if (leader != null) {
            leader.onWaitEnds(ends, ctx);
        }
    }

    void onFetch(NodeId from, ReplicationMessages.ReplicaFetch fetch, NodeContext ctx) {
        if (leader == null) {
            ctx.send(
                    from,
                    new ReplicaRefused(
                            log.id(), fetch.leaderEpoch(), ErrorCode.NOT_LEADER_OR_FOLLOWER, log.logStartOffset()));
            return;
        }
        leader.onFetch(from, fetch, ctx);
    }

    /** Appends a producer's batch on the leader, in its leader epoch, and lets the high watermark follow. */
    PartitionLog.Appended append(TxLogMessages.Produce produce, NodeContext ctx) {
        long endBefore = log.logEndOffset();
        PartitionLog.Appended appended = log.append(produce, ctx.nowNanos(), state.leaderEpoch());
        leader().onLogGrew(endBefore, ctx);
        return appended;
    }

    /**
     * Writes a transaction's marker, on the leader only, and lets the high watermark follow. Returns the marker's offset,
     * or -1 when this broker does not lead the partition (nothing written).
     */
    long writeMarker(long producerId, short epoch, boolean commit, NodeContext ctx) {
        if (leader == null) {
            ctx.note(log.id() + ": no marker written, this broker does not lead it");
            return -1;
        }
        long endBefore = log.logEndOffset();
        log.writeMarker(producerId, epoch, commit, ctx.nowNanos(), state.leaderEpoch());
        leader.onLogGrew(endBefore, ctx);
        return endBefore;
    }

    /**
     * Another broker's transaction coordinator asks for a marker: written here as a local one is, and confirmed once the
     * high watermark passes it; refused at once when this broker does not lead, so the coordinator asks the new leader.
     */
    void onWriteMarker(NodeId coordinator, ReplicationMessages.WriteTxnMarker marker, NodeContext ctx) {
        long offset = writeMarker(marker.producerId(), marker.producerEpoch(), marker.commit(), ctx);
        if (offset < 0) {
            ctx.send(coordinator, new ReplicationMessages.WriteTxnMarkerAnswer(marker.markerId(), log.id(), false));
            return;
        }
        leader.awaitMarker(
                coordinator,
                offset,
                new ReplicationMessages.WriteTxnMarkerAnswer(marker.markerId(), log.id(), true),
                ctx);
    }
}
