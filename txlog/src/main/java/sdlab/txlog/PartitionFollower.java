package sdlab.txlog;

import java.time.Duration;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.txlog.ReplicationMessages.EpochEndOffset;
import sdlab.txlog.ReplicationMessages.EpochEndOffsetOk;
import sdlab.txlog.ReplicationMessages.ReplicaFetch;
import sdlab.txlog.ReplicationMessages.ReplicaFetchOk;
import sdlab.txlog.ReplicationMessages.ReplicaRefused;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The follower role of one partition on one broker, for one leader epoch. It first truncates: it asks the leader
 * where its own latest epoch ended in the leader's log, and cuts its log there (KIP-101 and KIP-279), because records
 * past that point came from a leader the new one does not descend from. Then it fetches from its log end, appends
 * what comes back, takes the leader's high watermark and log start, and fetches again at once: the leader holds a
 * fetch that finds nothing new for up to {@code replicaFetchWaitMaxMs}, so an idle follower asks about once per wait.
 * Without an answer by the wait plus {@code replicaFetchTimeoutMs} it sends the fetch again; after a refusal it waits
 * {@code replicaFetchBackoffMs}.
 */
final class PartitionFollower {
    /** The most records a fetch asks for; the leader rounds up to whole batches. */
    static final int FETCH_RECORDS_MAX = 500;

    /** Fires the follower's next step; stale ones (an older attempt) are ignored. */
    record Step(TopicPartition partition, int leaderEpoch, long attempt) implements Timer {}

    private enum Phase {
        TRUNCATING,
        FETCHING
    }

    private final PartitionLog log;
    private final PartitionState state;
    private final ReplicationConfig config;
    private final Bug bug;
    private Phase phase;
    private long attempt;
    private boolean inFlight;

    PartitionFollower(PartitionLog log, PartitionState state, ReplicationConfig config, Bug bug) {
        this.log = log;
        this.state = state;
        this.config = config;
        this.bug = bug;
    }

    PartitionState state() {
        return state;
    }

    NodeId leader() {
        return state.leader();
    }

    void start(NodeContext ctx) {
        if (bug == Bug.FOLLOWER_SKIPS_TRUNCATION || log.epochs().latestEpoch() == LeaderEpochCache.NO_EPOCH) {
            fetch(ctx);
        } else {
            askEpochEnd(ctx);
        }
    }

    private void askEpochEnd(NodeContext ctx) {
        phase = Phase.TRUNCATING;
        ctx.send(
                leader(),
                new EpochEndOffset(
                        state.partition(), state.leaderEpoch(), log.epochs().latestEpoch()));
        await(config.replicaFetchTimeoutMs(), ctx);
    }

    private void fetch(NodeContext ctx) {
        phase = Phase.FETCHING;
        inFlight = true;
        ctx.send(
                leader(),
                new ReplicaFetch(state.partition(), state.leaderEpoch(), log.logEndOffset(), FETCH_RECORDS_MAX));
        await(config.replicaFetchWaitMaxMs() + config.replicaFetchTimeoutMs(), ctx);
    }

    private void await(long delayMs, NodeContext ctx) {
        attempt++;
        ctx.setTimer(Duration.ofMillis(delayMs), new Step(state.partition(), state.leaderEpoch(), attempt));
    }

    void onStep(Step step, NodeContext ctx) {
        if (step.leaderEpoch() != state.leaderEpoch() || step.attempt() != attempt) {
            return;
        }
        if (phase == Phase.TRUNCATING) {
            askEpochEnd(ctx);
        } else {
            fetch(ctx);
        }
    }

    /** Cuts the log where the leader's copy of this replica's latest epoch ends, or where its own does if earlier. */
    void onEpochEnd(EpochEndOffsetOk answer, NodeContext ctx) {
        if (phase != Phase.TRUNCATING || answer.leaderEpoch() != state.leaderEpoch()) {
            return;
        }
        long cut = answer.endOffset();
        if (answer.epoch() != LeaderEpochCache.NO_EPOCH) {
            cut = Math.min(
                    cut,
                    log.epochs()
                            .endOffsetFor(answer.epoch(), log.logEndOffset())
                            .endOffset());
        }
        if (cut < log.logEndOffset()) {
            ctx.note(state.partition() + ": truncates its divergent suffix from " + cut + " to " + log.logEndOffset());
        }
        log.truncateTo(cut);
        fetch(ctx);
    }

    void onFetchOk(ReplicaFetchOk answer, NodeContext ctx) {
        if (phase != Phase.FETCHING || !inFlight || answer.leaderEpoch() != state.leaderEpoch()) {
            return;
        }
        if (!answer.records().isEmpty() && answer.records().getFirst().offset() != log.logEndOffset()) {
            return; // a late or duplicated answer to an earlier fetch; the timeout fetches again
        }
        inFlight = false;
        log.appendReplicated(answer.records());
        log.deleteBelow(Math.min(answer.logStartOffset(), log.logEndOffset()));
        log.highWatermark(Math.max(log.highWatermark(), Math.min(answer.highWatermark(), log.logEndOffset())));
        fetch(ctx); // an empty answer already waited at the leader
    }

    void onRefused(ReplicaRefused refused, NodeContext ctx) {
        if (refused.error() == ErrorCode.OFFSET_OUT_OF_RANGE && refused.leaderEpoch() == state.leaderEpoch()) {
            if (log.logEndOffset() < refused.logStartOffset()) {
                log.restartAt(refused.logStartOffset());
                fetch(ctx);
                return;
            }
            if (bug != Bug.FOLLOWER_SKIPS_TRUNCATION) {
                askEpochEnd(ctx);
                return;
            }
        }
        // A stale or unknown epoch, or not the leader: the controller's next word will settle it; try again later.
        inFlight = false;
        await(config.replicaFetchBackoffMs(), ctx);
    }
}
