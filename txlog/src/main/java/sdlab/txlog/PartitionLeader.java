package sdlab.txlog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.txlog.ReplicationMessages.AlterIsr;
import sdlab.txlog.ReplicationMessages.ReplicaFetch;
import sdlab.txlog.ReplicationMessages.ReplicaFetchOk;
import sdlab.txlog.ReplicationMessages.ReplicaRefused;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The leader role of one partition on one broker. Followers fetch from it; each fetch says how far the follower's
 * log goes, and the high watermark is the lowest log end over the in-sync replicas, so a record below it is on every
 * one of them and survives any clean election. A follower that has not caught up within {@code replica.lag.time.max}
 * is dropped from the in-sync set, and one that reaches the high watermark again is added back; both changes are
 * asked of the controller (AlterIsr), because the controller elects the next leader from the set it knows. Until it
 * agrees, a shrink is not used and an addition already counts, so the high watermark never rests on a set larger
 * than the controller's.
 *
 * <p>{@code acks=all} produces wait here until the high watermark passes their batch.
 *
 * <p>A follower's fetch that finds nothing worth sending is held (parked) for up to {@code replica.fetch.wait.max.ms}
 * instead of being answered empty at once, so an idle follower asks about once per wait. Worth sending is at least
 * {@code replica.fetch.min.bytes} of records, or a high watermark newer than the follower was last told (so followers
 * learn it promptly, as Kafka's DelayedFetch does for KIP-392). A held fetch is answered the moment that becomes true:
 * an append or a marker, a follower's fetch or an in-sync-set change that moves the high watermark. That matters for
 * {@code acks=all}: the leader learns a follower's new log end only from its next fetch, so a fetch held past an
 * append would hold the produce too. The fetch's wait and size are the leader's own settings, not fields of the
 * fetch as in Kafka, since every broker of a group shares one configuration.
 */
final class PartitionLeader {
    /** A bound on the produces waiting for the high watermark; past it a produce is refused, not queued. */
    static final int WAITING_MAX = 10_000;

    /**
     * An append waiting for the high watermark to pass it: {@code committed} is sent then, or {@code notPromised} when
     * the in-sync set is below the minimum by then.
     */
    private record Waiting(NodeId client, Message committed, Message notPromised) {}

    private final PartitionLog log;
    private final NodeId self;
    private final ReplicationConfig config;
    private final Bug bug;
    private final Map<NodeId, FollowerProgress> followers = new TreeMap<>();
    private final TreeMap<Long, List<Waiting>> waitingByEnd = new TreeMap<>();
    private final ParkedFetches parked = new ParkedFetches();
    private final long epochStartOffset;
    private PartitionState state;
    private List<NodeId> pendingIsr;
    private long pendingSentNanos;
    private int waitingCount;

    PartitionLeader(PartitionLog log, NodeId self, PartitionState state, ReplicationConfig config, Bug bug, long now) {
        this.log = log;
        this.self = self;
        this.state = state;
        this.config = config;
        this.bug = bug;
        this.epochStartOffset = log.logEndOffset();
        for (NodeId replica : state.replicas()) {
            if (!replica.equals(self)) {
                followers.put(replica, new FollowerProgress(now));
            }
        }
    }

    PartitionState state() {
        return state;
    }

    /** The controller changed the in-sync set (it fenced a broker, or agreed to this leader's change). */
    void update(PartitionState newer, NodeContext ctx) {
        state = newer;
        if (pendingIsr != null && pendingIsr.equals(newer.isr())) {
            pendingIsr = null;
        }
        advanceHighWatermark(ctx);
    }

    /** The controller refused the change asked; ask again at the next check if it is still wanted. */
    void changeRefused() {
        pendingIsr = null;
    }

    void onFetch(NodeId from, ReplicaFetch fetch, NodeContext ctx) {
        ReplicaRefused refused = refusal(from, fetch);
        if (refused != null) {
            ctx.send(from, refused);
            return;
        }
        parked.release(from); // the follower asks again (it restarted, or its fetch timed out): this one counts
        FollowerProgress progress = followers.get(from);
        progress.onFetch(fetch.fetchOffset(), log.logEndOffset(), ctx.nowNanos());
        maybeAddToIsr(from, progress, ctx);
        advanceHighWatermark(ctx);
        if (worthAnswering(from, fetch)) {
            answer(from, fetch, ctx);
        } else {
            parked.park(from, fetch, config.replicaFetchWaitMaxMs(), ctx);
        }
    }

    /** Records of at least the minimum size from the fetch offset, or a high watermark the follower has not heard. */
    private boolean worthAnswering(NodeId follower, ReplicaFetch fetch) {
        if (log.highWatermark() > followers.get(follower).highWatermarkSent()) {
            return true;
        }
        if (fetch.fetchOffset() >= log.logEndOffset()) {
            return false;
        }
        // Every record counts its header, so under a small minimum any record is enough and nothing need be read.
        return config.replicaFetchMinBytes() <= ParkedFetches.RECORD_OVERHEAD_BYTES
                || ParkedFetches.bytesOf(log.readForFollower(fetch.fetchOffset(), fetch.recordsMax()))
                        >= config.replicaFetchMinBytes();
    }

    private void answer(NodeId follower, ReplicaFetch fetch, NodeContext ctx) {
        followers.get(follower).onAnswered(log.logEndOffset(), log.highWatermark(), ctx.nowNanos());
        ctx.send(
                follower,
                new ReplicaFetchOk(
                        state.partition(),
                        state.leaderEpoch(),
                        log.readForFollower(fetch.fetchOffset(), fetch.recordsMax()),
                        log.highWatermark(),
                        log.logStartOffset()));
    }

    /** Answers the held fetches that now have something worth sending. */
    private void answerParked(NodeContext ctx) {
        if (bug == Bug.PARKED_FETCH_NEVER_ANSWERED) {
            return;
        }
        for (ParkedFetches.Parked ready : parked.takeIf(p -> worthAnswering(p.follower(), p.fetch()))) {
            answer(ready.follower(), ready.fetch(), ctx);
        }
    }

    /**
     * The log grew from {@code endBefore} (an append or a marker): a follower held there had everything until now,
     * and its fetch now has records to take.
     */
    void onLogGrew(long endBefore, NodeContext ctx) {
        for (ParkedFetches.Parked held : parked.held()) {
            if (held.fetch().fetchOffset() >= endBefore) {
                followers.get(held.follower()).heldEverythingUntil(ctx.nowNanos());
            }
        }
        advanceHighWatermark(ctx);
    }

    /** A held fetch's wait ended with nothing worth sending: it is answered empty, and the follower asks again. */
    void onWaitEnds(ParkedFetches.WaitEnds ends, NodeContext ctx) {
        if (ends.leaderEpoch() != state.leaderEpoch() || bug == Bug.PARKED_FETCH_NEVER_ANSWERED) {
            return;
        }
        parked.takeExpired(ends).ifPresent(held -> answer(held.follower(), held.fetch(), ctx));
    }

    private ReplicaRefused refusal(NodeId from, ReplicaFetch fetch) {
        ErrorCode error = null;
        if (!followers.containsKey(from)) {
            error = ErrorCode.NOT_LEADER_OR_FOLLOWER;
        } else if (fetch.leaderEpoch() < state.leaderEpoch()) {
            error = ErrorCode.FENCED_LEADER_EPOCH;
        } else if (fetch.leaderEpoch() > state.leaderEpoch()) {
            error = ErrorCode.UNKNOWN_LEADER_EPOCH;
        } else if (fetch.fetchOffset() < log.logStartOffset() || fetch.fetchOffset() > log.logEndOffset()) {
            error = ErrorCode.OFFSET_OUT_OF_RANGE;
        }
        return error == null
                ? null
                : new ReplicaRefused(state.partition(), state.leaderEpoch(), error, log.logStartOffset());
    }

    /** A follower back at the high watermark, and past where this leader's epoch began, is in sync again. */
    private void maybeAddToIsr(NodeId follower, FollowerProgress progress, NodeContext ctx) {
        if (state.isr().contains(follower) || pendingIsr != null) {
            return;
        }
        if (progress.logEndOffset() >= log.highWatermark() && progress.logEndOffset() >= epochStartOffset) {
            List<NodeId> grown = new ArrayList<>(state.isr());
            grown.add(follower);
            propose(grown, ctx);
        }
    }

    /** Drops the followers that have not caught up within the lag limit; asks again for a change left unanswered. */
    void checkLaggards(NodeContext ctx) {
        long now = ctx.nowNanos();
        if (pendingIsr != null) {
            if (now - pendingSentNanos > config.replicaFetchTimeoutMs() * 1_000_000L) {
                propose(pendingIsr, ctx);
            }
            return;
        }
        long lagMaxNanos = config.replicaLagTimeMaxMs() * 1_000_000L;
        List<NodeId> kept = new ArrayList<>();
        for (NodeId member : state.isr()) {
            FollowerProgress progress = followers.get(member);
            if (progress == null || !progress.laggingBehind(log.logEndOffset(), now, lagMaxNanos)) {
                kept.add(member);
            }
        }
        if (kept.size() < state.isr().size()) {
            ctx.note(state.partition() + ": the in-sync set shrinks from " + state.isr() + " to " + kept);
            propose(kept, ctx);
        }
    }

    private void propose(List<NodeId> isr, NodeContext ctx) {
        pendingIsr = List.copyOf(isr);
        pendingSentNanos = ctx.nowNanos();
        ctx.send(
                config.controller(),
                new AlterIsr(state.partition(), state.leaderEpoch(), state.partitionEpoch(), pendingIsr));
    }

    /** The replicas the high watermark waits for: the in-sync set, and a member being added already. */
    private Set<NodeId> highWatermarkMembers() {
        Set<NodeId> members = new LinkedHashSet<>(state.isr());
        if (pendingIsr != null) {
            members.addAll(pendingIsr);
        }
        members.add(self);
        return members;
    }

    /** Moves the high watermark to the lowest log end over the in-sync replicas, and answers who waited for it. */
    void advanceHighWatermark(NodeContext ctx) {
        long candidate = log.logEndOffset();
        if (bug != Bug.HIGH_WATERMARK_FROM_LEADER_ALONE) {
            for (NodeId member : highWatermarkMembers()) {
                if (!member.equals(self)) {
                    FollowerProgress progress = followers.get(member);
                    candidate =
                            Math.min(candidate, progress == null ? FollowerProgress.UNKNOWN : progress.logEndOffset());
                }
            }
        }
        if (candidate > log.highWatermark()) {
            log.highWatermark(candidate);
        }
        answerWaiting(ctx);
        answerParked(ctx);
    }

    /**
     * Answers an {@code acks=all} produce once the high watermark passes {@code lastOffset}; refuses it at once when
     * too many wait. Returns false when refused.
     */
    boolean awaitCommit(
            NodeId client, long requestId, long baseOffset, long lastOffset, boolean duplicate, NodeContext ctx) {
        return await(
                lastOffset,
                new Waiting(
                        client,
                        new TxLogMessages.ProduceOk(requestId, baseOffset, duplicate),
                        // Kafka's rule: the batch is committed, but with the set below the minimum it was not promised.
                        new TxLogMessages.ProduceRefused(requestId, ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND)),
                ctx);
    }

    /**
     * Sends {@code answer} to {@code coordinator} once the high watermark passes the marker at {@code markerOffset}, as
     * Kafka's leader answers WriteTxnMarkers only when the marker is on every in-sync replica. Returns false when too
     * many wait already: the coordinator hears nothing and sends the marker again.
     */
    boolean awaitMarker(NodeId coordinator, long markerOffset, Message answer, NodeContext ctx) {
        return await(markerOffset, new Waiting(coordinator, answer, answer), ctx);
    }

    private boolean await(long lastOffset, Waiting waiting, NodeContext ctx) {
        if (waitingCount >= WAITING_MAX) {
            return false;
        }
        waitingByEnd.computeIfAbsent(lastOffset + 1, end -> new ArrayList<>()).add(waiting);
        waitingCount++;
        answerWaiting(ctx);
        return true;
    }

    private void answerWaiting(NodeContext ctx) {
        while (!waitingByEnd.isEmpty() && waitingByEnd.firstKey() <= log.highWatermark()) {
            for (Waiting waiting : waitingByEnd.pollFirstEntry().getValue()) {
                waitingCount--;
                boolean promised = state.isr().size() >= config.minInsyncReplicas();
                ctx.send(waiting.client(), promised ? waiting.committed() : waiting.notPromised());
            }
        }
    }

    /**
     * This broker no longer leads: the produces still waiting get no answer. Whether their batches survive depends on
     * the new leader, so the producer's timeout (unknown outcome) is the honest answer, not a refusal.
     */
    void resign() {
        waitingByEnd.clear();
        waitingCount = 0;
        // The held fetches go unanswered too: the controller tells each follower whom to fetch from next, and a
        // follower that misses that word sends its fetch again when it times out.
        parked.clear();
    }

    /** The follower fetches held here now, for tests. */
    List<ParkedFetches.Parked> parkedFetches() {
        return parked.held();
    }

    /** The leader's view of a follower's log end, for tests. */
    long followerLogEnd(NodeId follower) {
        FollowerProgress progress = followers.get(follower);
        return progress == null ? FollowerProgress.UNKNOWN : progress.logEndOffset();
    }
}
