package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.FetchRefused;
import sdlab.txlog.TxLogMessages.Produce;
import sdlab.txlog.TxLogMessages.ProduceOk;
import sdlab.txlog.TxLogMessages.ProduceRefused;

/**
 * One log broker: its replica of every partition of the configured topics, the transaction coordinator and the group
 * coordinator. Produces and fetches go to a partition's leader; the replication itself (followers, the in-sync set,
 * the high watermark, retention) is the {@link ReplicaManager}'s. It answers a produce as its {@link Acks} ask: not
 * at all, once the batch is in the leader's log, or once the high watermark has passed it (Kafka does not fsync each
 * write either: it counts on replicas). A coordinator request is answered once its state change is synced. A
 * standalone broker (the default) leads every partition alone, so its high watermark is its log end.
 */
public final class LogBroker implements Node {
    /** The coordinator's periodic look for transactions past their timeout. */
    record TimeoutCheck() implements Timer {}

    /** Each broker of a group hands out producer ids from its own block of this size. */
    static final long PRODUCER_ID_BLOCK = 1L << 40;

    private final TxLogConfig config;
    private ReplicaManager replicas;
    private TxnCoordinator coordinator;
    private GroupCoordinator groups;

    public LogBroker(TxLogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        replicas = new ReplicaManager(config, ctx.self());
        groups = new GroupCoordinator();
        long producerIdFirst = Math.max(0, config.replication().brokers().indexOf(ctx.self())) * PRODUCER_ID_BLOCK;
        coordinator = new TxnCoordinator(config, replicas.replicas(), groups, producerIdFirst);
        ctx.setTimer(Duration.ofMillis(config.timeoutCheckMs()), new TimeoutCheck());
        replicas.onStart(ctx, restarted);
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof GroupMessages.Request group) {
            send(ctx, onGroup(from, group, ctx.nowNanos()));
            return;
        }
        if (message instanceof ReplicationMessages.WriteTxnMarkerAnswer answer) {
            coordinator.onMarkerAnswer(answer, ctx);
            return;
        }
        if (message instanceof ReplicationMessages replication) {
            replicas.onMessage(from, replication, ctx);
            return;
        }
        if (!(message instanceof TxLogMessages.Request request)) {
            return;
        }
        switch (request) {
            case Produce produce -> produce(from, produce, ctx);
            case Fetch fetch -> ctx.send(from, fetch(fetch));
            case TxLogMessages.ReadLog read -> ctx.send(from, readLog(read));
            case TxLogMessages.ListOffsets list -> ctx.send(from, listOffsets(list));
            case TxLogMessages.DescribePartition describe -> ctx.send(from, describe(describe));
            case TxLogMessages.CreateTopic create -> ctx.send(from, replicas.createTopic(create, ctx));
            case TxLogMessages.InitProducerId init -> coordinator.onInitProducerId(from, init, ctx);
            case TxLogMessages.AddPartitionsToTxn add -> coordinator.onAddPartitions(from, add, ctx);
            case TxLogMessages.AddOffsetsToTxn add -> coordinator.onAddOffsets(from, add, ctx);
            case TxLogMessages.EndTxn end -> coordinator.onEndTxn(from, end, ctx);
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof TimeoutCheck) {
            coordinator.onTimeoutCheck(ctx);
            send(ctx, groups.onTick(ctx.nowNanos()));
            ctx.setTimer(Duration.ofMillis(config.timeoutCheckMs()), new TimeoutCheck());
            return;
        }
        replicas.onTimer(timer, ctx);
    }

    @Override
    public void onSynced(long syncId, NodeContext ctx) {
        coordinator.onSynced(syncId, ctx);
    }

    private List<GroupCoordinator.Reply> onGroup(NodeId from, GroupMessages.Request request, long nowNanos) {
        return switch (request) {
            case GroupMessages.JoinGroup join -> groups.onJoin(from, join, nowNanos);
            case GroupMessages.SyncGroup sync -> groups.onSync(from, sync, nowNanos);
            case GroupMessages.Heartbeat heartbeat -> groups.onHeartbeat(from, heartbeat, nowNanos);
            case GroupMessages.LeaveGroup leave -> groups.onLeave(from, leave, nowNanos);
            case GroupMessages.CommitOffsets commit -> groups.onCommit(from, commit);
            case GroupMessages.FetchOffsets fetch -> groups.onFetchOffsets(from, fetch);
            case GroupMessages.TxnOffsetCommit commit -> onTxnCommit(from, commit);
        };
    }

    /** The transaction coordinator vouches for the producer, then the group coordinator keeps the offsets pending. */
    private List<GroupCoordinator.Reply> onTxnCommit(NodeId from, GroupMessages.TxnOffsetCommit commit) {
        Optional<ErrorCode> refused = coordinator.refusesOffsets(
                commit.transactionalId(), commit.producerId(), commit.producerEpoch(), commit.groupId());
        if (refused.isEmpty() && config.bug() == TxLogConfig.Bug.TXN_OFFSETS_VISIBLE_BEFORE_COMMIT) {
            return groups.onCommit(
                    from,
                    new GroupMessages.CommitOffsets(
                            commit.requestId(),
                            commit.groupId(),
                            commit.generation(),
                            commit.memberId(),
                            commit.offsets(),
                            commit.metadata()));
        }
        if (refused.isEmpty()) {
            return groups.onTxnCommit(from, commit);
        }
        GroupMessages.GroupError error =
                switch (refused.get()) {
                    case INVALID_PRODUCER_EPOCH -> GroupMessages.GroupError.INVALID_PRODUCER_EPOCH;
                    case INVALID_TXN_STATE -> GroupMessages.GroupError.INVALID_TXN_STATE;
                    default -> GroupMessages.GroupError.UNKNOWN_PRODUCER_ID;
                };
        return List.of(new GroupCoordinator.Reply(from, new GroupMessages.GroupRefused(commit.requestId(), error)));
    }

    private static void send(NodeContext ctx, List<GroupCoordinator.Reply> replies) {
        replies.forEach(reply -> ctx.send(reply.to(), reply.message()));
    }

    /** Appends on the leader, then answers as the batch's acks ask. */
    private void produce(NodeId from, Produce produce, NodeContext ctx) {
        ProduceRefused refused = refusal(produce);
        if (refused != null) {
            answer(from, produce, refused, ctx);
            return;
        }
        PartitionReplica replica = replicas.find(produce.partition());
        switch (replica.append(produce, ctx)) {
            case PartitionLog.Appended.Refused no ->
                answer(from, produce, new ProduceRefused(produce.requestId(), no.error()), ctx);
            case PartitionLog.Appended.Written written
            when produce.acks() == Acks.ALL -> {
                boolean waiting = replica.leader()
                        .awaitCommit(
                                from,
                                produce.requestId(),
                                written.baseOffset(),
                                written.lastOffset(),
                                written.duplicate(),
                                ctx);
                if (!waiting) { // too many wait already: written, but not promised
                    ctx.send(from, new ProduceRefused(produce.requestId(), ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND));
                }
            }
            case PartitionLog.Appended.Written written ->
                answer(
                        from,
                        produce,
                        new ProduceOk(produce.requestId(), written.baseOffset(), written.duplicate()),
                        ctx);
        }
    }

    /** Why a produce cannot be appended here, or null when it can. */
    private ProduceRefused refusal(Produce produce) {
        PartitionReplica replica = replicas.find(produce.partition());
        ErrorCode error = null;
        if (replica == null) {
            error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        } else if (!replica.leads()) {
            error = ErrorCode.NOT_LEADER_OR_FOLLOWER;
        } else if (produce.acks() == Acks.ALL
                && replica.leader().state().isr().size() < config.replication().minInsyncReplicas()) {
            error = ErrorCode.NOT_ENOUGH_REPLICAS;
        } else if (produce.transactional()) {
            error = coordinator
                    .refusesWrite(produce.producerId(), produce.producerEpoch(), produce.partition())
                    .orElse(null);
        }
        return error == null ? null : new ProduceRefused(produce.requestId(), error);
    }

    /** A producer with {@code acks=0} hears nothing, not even a refusal. */
    private static void answer(NodeId to, Produce produce, TxLogMessages.Response response, NodeContext ctx) {
        if (produce.acks() != Acks.NONE) {
            ctx.send(to, response);
        }
    }

    /** Why this broker cannot answer a read of {@code partition}, or null when it leads it. */
    private ErrorCode notLeading(TopicPartition partition) {
        PartitionReplica replica = replicas.find(partition);
        if (replica == null) {
            return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        }
        return replica.leads() ? null : ErrorCode.NOT_LEADER_OR_FOLLOWER;
    }

    private TxLogMessages.Response fetch(Fetch fetch) {
        ErrorCode error = fetch.recordsMax() < 1 ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : notLeading(fetch.partition());
        if (error == null
                && fetch.fetchOffset() < replicas.find(fetch.partition()).log().logStartOffset()) {
            error = ErrorCode.OFFSET_OUT_OF_RANGE;
        }
        if (error != null) {
            return new FetchRefused(fetch.requestId(), error);
        }
        PartitionLog log = replicas.find(fetch.partition()).log();
        PartitionLog.Read read = log.fetch(fetch.fetchOffset(), fetch.recordsMax(), fetch.isolation(), config.bug());
        return new FetchOk(
                fetch.requestId(),
                fetch.partition(),
                read.records(),
                read.nextFetchOffset(),
                log.highWatermark(),
                log.lastStableOffset());
    }

    private TxLogMessages.Response readLog(TxLogMessages.ReadLog read) {
        ErrorCode error = read.recordsMax() < 1 ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : notLeading(read.partition());
        if (error == null
                && read.fetchOffset() < replicas.find(read.partition()).log().logStartOffset()) {
            error = ErrorCode.OFFSET_OUT_OF_RANGE;
        }
        if (error != null) {
            return new FetchRefused(read.requestId(), error);
        }
        return replicas.find(read.partition()).log().readLog(read, config.bug());
    }

    private TxLogMessages.Response describe(TxLogMessages.DescribePartition describe) {
        PartitionReplica replica = replicas.find(describe.partition());
        Optional<PartitionState> state = replica == null ? Optional.empty() : replica.state();
        return state.<TxLogMessages.Response>map(s -> new TxLogMessages.PartitionDescribed(describe.requestId(), s))
                .orElse(new FetchRefused(describe.requestId(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
    }

    private TxLogMessages.Response listOffsets(TxLogMessages.ListOffsets list) {
        ErrorCode error = notLeading(list.partition());
        if (error != null) {
            return new FetchRefused(list.requestId(), error);
        }
        PartitionLog log = replicas.find(list.partition()).log();
        return new TxLogMessages.OffsetsOk(
                list.requestId(), list.partition(), log.logStartOffset(), log.highWatermark(), log.lastStableOffset());
    }

    /** Every record of this broker's replica of a partition still kept, markers included, in offset order. */
    public List<LogRecord> records(TopicPartition partition) {
        return partition(partition).records();
    }

    public long highWatermark(TopicPartition partition) {
        return partition(partition).highWatermark();
    }

    public long lastStableOffset(TopicPartition partition) {
        return partition(partition).lastStableOffset();
    }

    /** The coordinator's state for a transactional id, if it knows the id. */
    public Optional<TxnState> transactionState(String transactionalId) {
        return coordinator.state(transactionalId);
    }

    public long logStartOffset(TopicPartition partition) {
        return partition(partition).logStartOffset();
    }

    public long logEndOffset(TopicPartition partition) {
        return partition(partition).logEndOffset();
    }

    /** Whether this broker leads {@code partition} now. */
    public boolean leads(TopicPartition partition) {
        return replica(partition).leads();
    }

    /** The follower fetches this broker holds for {@code partition} as its leader (none when it does not lead). */
    List<ParkedFetches.Parked> heldFetches(TopicPartition partition) {
        PartitionReplica replica = replica(partition);
        return replica.leads() ? replica.leader().parkedFetches() : List.of();
    }

    /** What this broker last heard from the controller about {@code partition} (its own word when standalone). */
    public Optional<PartitionState> partitionState(TopicPartition partition) {
        return replica(partition).state();
    }

    private PartitionLog partition(TopicPartition partition) {
        return replica(partition).log();
    }

    private PartitionReplica replica(TopicPartition partition) {
        PartitionReplica replica = replicas == null ? null : replicas.find(partition);
        if (replica == null) {
            throw new IllegalArgumentException("no partition " + partition);
        }
        return replica;
    }
}
