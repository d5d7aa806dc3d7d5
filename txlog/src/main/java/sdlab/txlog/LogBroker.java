package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
 * One log broker: the partitions of every configured topic, the transaction coordinator and the group coordinator. It answers a produce
 * once the batch is in the partition's log, as Kafka with {@code acks=1} does (Kafka does not fsync each write
 * either: it counts on replicas, which come in a later slice), and a coordinator request once its state change is
 * synced.
 */
public final class LogBroker implements Node {
    /** The coordinator's periodic look for transactions past their timeout. */
    record TimeoutCheck() implements Timer {}

    private final TxLogConfig config;
    private final Map<TopicPartition, PartitionLog> partitions = new TreeMap<>();
    private TxnCoordinator coordinator;
    private GroupCoordinator groups;

    public LogBroker(TxLogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        partitions.clear();
        config.partitionsByTopic().forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                partitions.put(tp, new PartitionLog(tp, config.recordsPerPartitionMax()));
            }
        });
        groups = new GroupCoordinator();
        coordinator = new TxnCoordinator(config, partitions, groups);
        ctx.setTimer(Duration.ofMillis(config.timeoutCheckMs()), new TimeoutCheck());
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (message instanceof GroupMessages.Request group) {
            send(ctx, onGroup(from, group, ctx.nowNanos()));
            return;
        }
        if (!(message instanceof TxLogMessages.Request request)) {
            return;
        }
        switch (request) {
            case Produce produce -> ctx.send(from, produce(produce, ctx));
            case Fetch fetch -> ctx.send(from, fetch(fetch));
            case TxLogMessages.ReadLog read -> ctx.send(from, readLog(read));
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
        }
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
                            commit.offsets()));
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

    private TxLogMessages.Response produce(Produce produce, NodeContext ctx) {
        PartitionLog log = partitions.get(produce.partition());
        if (log == null) {
            return new ProduceRefused(produce.requestId(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        if (produce.transactional()) {
            Optional<ErrorCode> refused =
                    coordinator.refusesWrite(produce.producerId(), produce.producerEpoch(), produce.partition());
            if (refused.isPresent()) {
                return new ProduceRefused(produce.requestId(), refused.get());
            }
        }
        return switch (log.append(produce, ctx.nowNanos())) {
            case PartitionLog.Appended.Written written ->
                new ProduceOk(produce.requestId(), written.baseOffset(), written.duplicate());
            case PartitionLog.Appended.Refused refused -> new ProduceRefused(produce.requestId(), refused.error());
        };
    }

    private TxLogMessages.Response fetch(Fetch fetch) {
        PartitionLog log = partitions.get(fetch.partition());
        if (log == null || fetch.recordsMax() < 1) {
            return new FetchRefused(fetch.requestId(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
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
        PartitionLog log = partitions.get(read.partition());
        if (log == null || read.recordsMax() < 1) {
            return new FetchRefused(read.requestId(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        return log.readLog(read, config.bug());
    }

    /** Every record of a partition, markers included, in offset order. */
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

    private PartitionLog partition(TopicPartition partition) {
        PartitionLog log = partitions.get(partition);
        if (log == null) {
            throw new IllegalArgumentException("no partition " + partition);
        }
        return log;
    }
}
