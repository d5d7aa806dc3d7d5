package sdlab.txlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.txlog.TxLogMessages.AddOffsetsToTxn;
import sdlab.txlog.TxLogMessages.AddPartitionsToTxn;
import sdlab.txlog.TxLogMessages.EndTxn;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.InitProducerIdOk;
import sdlab.txlog.TxLogMessages.TxnOk;
import sdlab.txlog.TxLogMessages.TxnRefused;

/**
 * The transaction coordinator: hands out producer ids and epochs, and drives each transaction through Empty, Ongoing,
 * Prepare and Complete.
 *
 * <p>Every change is appended to the state log {@value #STATE_LOG} and synced before anyone hears of it: an answer
 * to the producer, or the markers of a transaction being completed, wait in {@link #afterSync} for the sync. The
 * commit point is the synced Prepare line; markers are written only after it, so no reader sees a commit marker for a
 * transaction the coordinator could still forget. The markers go to every partition of the transaction, whichever
 * broker leads it ({@link TxnMarkers}); the transaction completes when every leader has confirmed its marker, and until
 * then its producer's next requests are answered CONCURRENT_TRANSACTIONS.
 *
 * <p>A transaction's partitions may be led by other brokers, whose own coordinators do not know the producer; they
 * take its transactional batches on the partition's word (its epoch and sequence checks), as Kafka's leaders do.
 *
 * <p>A new epoch fences: InitProducerId for a transactional id that has one bumps its epoch (aborting a transaction
 * the old instance left open), and so does a timeout abort, so the old instance can neither write nor end a
 * transaction afterwards.
 */
final class TxnCoordinator {
    static final String STATE_LOG = "txn-state-log";

    /** What waits for a sync: an answer, or the markers and completion of a decided transaction. */
    private sealed interface AfterSync {
        record Reply(NodeId to, Message message) implements AfterSync {}

        record Complete(String transactionalId) implements AfterSync {}
    }

    private final TxLogConfig config;
    private final Map<TopicPartition, PartitionReplica> partitions;
    private final GroupCoordinator groups;
    private final TxnMarkers markers;
    private final long producerIdFirst;
    private final Map<String, TxnMetadata> byTransactionalId = new TreeMap<>();
    private final Map<Long, TxnMetadata> byProducerId = new TreeMap<>();
    private final TreeMap<Long, List<AfterSync>> afterSync = new TreeMap<>();
    private long producerIdNext;

    /**
     * @param producerIdFirst where this coordinator's producer ids start; brokers of a group take disjoint blocks, as
     *     Kafka's brokers take blocks of ids from the controller
     */
    TxnCoordinator(
            TxLogConfig config,
            Map<TopicPartition, PartitionReplica> partitions,
            GroupCoordinator groups,
            long producerIdFirst) {
        this.config = config;
        this.partitions = partitions;
        this.groups = groups;
        this.markers = new TxnMarkers(partitions, config.replication().brokers(), config.markerRetryMs(), config.bug());
        this.producerIdFirst = producerIdFirst;
        this.producerIdNext = producerIdFirst;
    }

    void onInitProducerId(NodeId from, InitProducerId request, NodeContext ctx) {
        if (request.transactionalId() == null) {
            long producerId = producerIdNext++;
            persist("pid " + producerIdNext + "\n", ctx, new AfterSync.Reply(from, okInit(request, producerId, 0)));
            return;
        }
        TxnMetadata txn = byTransactionalId.get(request.transactionalId());
        if (txn == null) {
            Optional<ErrorCode> refused = refusesNewId(request.transactionTimeoutMs());
            if (refused.isPresent()) {
                ctx.send(from, new TxnRefused(request.requestId(), refused.get()));
                return;
            }
            txn = new TxnMetadata(request.transactionalId(), producerIdNext++, request.transactionTimeoutMs());
            byTransactionalId.put(txn.transactionalId, txn);
            byProducerId.put(txn.producerId, txn);
            persist(txn.logLine(), ctx, new AfterSync.Reply(from, okInit(request, txn.producerId, 0)));
            return;
        }
        if (txn.state.preparing()) {
            ctx.send(from, new TxnRefused(request.requestId(), ErrorCode.CONCURRENT_TRANSACTIONS));
            return;
        }
        bumpEpoch(txn);
        AfterSync reply = new AfterSync.Reply(from, okInit(request, txn.producerId, txn.epoch));
        if (txn.state == TxnState.ONGOING) {
            ctx.note(txn.transactionalId + ": a new instance fences epoch " + (txn.epoch - 1) + " and aborts");
            txn.become(TxnState.PREPARE_ABORT);
            persist(txn.logLine(), ctx, new AfterSync.Complete(txn.transactionalId), reply);
        } else {
            persist(txn.logLine(), ctx, reply);
        }
    }

    void onAddPartitions(NodeId from, AddPartitionsToTxn request, NodeContext ctx) {
        Optional<ErrorCode> refused = check(request.transactionalId(), request.producerId(), request.producerEpoch());
        if (refused.isEmpty() && !partitions.keySet().containsAll(request.partitions())) {
            refused = Optional.of(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        add(from, request.requestId(), request.transactionalId(), refused, request.partitions(), List.of(), ctx);
    }

    /** A group's offsets join the transaction as a partition does: they are settled when it ends. */
    void onAddOffsets(NodeId from, AddOffsetsToTxn request, NodeContext ctx) {
        Optional<ErrorCode> refused = check(request.transactionalId(), request.producerId(), request.producerEpoch());
        add(from, request.requestId(), request.transactionalId(), refused, List.of(), List.of(request.groupId()), ctx);
    }

    private void add(
            NodeId from,
            long requestId,
            String transactionalId,
            Optional<ErrorCode> refused,
            List<TopicPartition> newPartitions,
            List<String> newGroups,
            NodeContext ctx) {
        if (refused.isPresent()) {
            ctx.send(from, new TxnRefused(requestId, refused.get()));
            return;
        }
        TxnMetadata txn = byTransactionalId.get(transactionalId);
        TxnOk ok = new TxnOk(requestId);
        if (txn.state == TxnState.ONGOING
                && txn.partitions.containsAll(newPartitions)
                && txn.groups.containsAll(newGroups)) {
            ctx.send(from, ok);
            return;
        }
        if (txn.state != TxnState.ONGOING) {
            txn.partitions.clear();
            txn.groups.clear();
            txn.become(TxnState.ONGOING);
            txn.startedAtNanos = ctx.nowNanos();
        }
        txn.partitions.addAll(newPartitions);
        txn.groups.addAll(newGroups);
        persist(txn.logLine(), ctx, new AfterSync.Reply(from, ok));
    }

    void onEndTxn(NodeId from, EndTxn request, NodeContext ctx) {
        Optional<ErrorCode> refused = check(request.transactionalId(), request.producerId(), request.producerEpoch());
        if (refused.isPresent()) {
            ctx.send(from, new TxnRefused(request.requestId(), refused.get()));
            return;
        }
        TxnMetadata txn = byTransactionalId.get(request.transactionalId());
        TxnState done = request.commit() ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT;
        if (txn.state == done) {
            // A retry of an end that already completed: the same answer again.
            ctx.send(from, new TxnOk(request.requestId()));
            return;
        }
        if (txn.state != TxnState.ONGOING) {
            ctx.send(from, new TxnRefused(request.requestId(), ErrorCode.INVALID_TXN_STATE));
            return;
        }
        txn.become(request.commit() ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT);
        persist(
                txn.logLine(),
                ctx,
                new AfterSync.Complete(txn.transactionalId),
                new AfterSync.Reply(from, new TxnOk(request.requestId())));
    }

    /**
     * Aborts every open transaction past its timeout, with a new epoch so that its producer is fenced, and sends again
     * the markers that wait too long for their leaders.
     */
    void onTimeoutCheck(NodeContext ctx) {
        for (TxnMetadata txn : byTransactionalId.values()) {
            if (txn.state.preparing() && !txn.markersUnconfirmed.isEmpty() && markers.retryIfDue(txn, ctx)) {
                finish(txn, ctx);
            }
            long openMs = (ctx.nowNanos() - txn.startedAtNanos) / 1_000_000;
            if (txn.state == TxnState.ONGOING && openMs >= txn.timeoutMs) {
                ctx.note(txn.transactionalId + ": open " + openMs + " ms, past its timeout: abort");
                bumpEpoch(txn);
                txn.become(TxnState.PREPARE_ABORT);
                persist(txn.logLine(), ctx, new AfterSync.Complete(txn.transactionalId));
            }
        }
    }

    /** Whether a transactional batch from this producer may be written to {@code partition} now. */
    Optional<ErrorCode> refusesWrite(long producerId, short epoch, TopicPartition partition) {
        TxnMetadata txn = byProducerId.get(producerId);
        if (txn == null && !ownsProducerId(producerId)) {
            // Another broker's coordinator handed this id out: the partition's own checks decide.
            return Optional.empty();
        }
        if (txn == null) {
            return Optional.of(ErrorCode.UNKNOWN_PRODUCER_ID);
        }
        if (epoch < txn.epoch) {
            return Optional.of(ErrorCode.INVALID_PRODUCER_EPOCH);
        }
        if (txn.state != TxnState.ONGOING || !txn.partitions.contains(partition)) {
            return Optional.of(ErrorCode.INVALID_TXN_STATE);
        }
        return Optional.empty();
    }

    /**
     * Whether this producer may commit offsets for {@code groupId} inside its transaction now: its epoch is current
     * and the group was added to its open transaction.
     */
    Optional<ErrorCode> refusesOffsets(String transactionalId, long producerId, short epoch, String groupId) {
        TxnMetadata txn = transactionalId == null ? null : byTransactionalId.get(transactionalId);
        if (txn == null || txn.producerId != producerId) {
            return Optional.of(ErrorCode.UNKNOWN_PRODUCER_ID);
        }
        if (epoch < txn.epoch) {
            return Optional.of(ErrorCode.INVALID_PRODUCER_EPOCH);
        }
        if (txn.state != TxnState.ONGOING || !txn.groups.contains(groupId)) {
            return Optional.of(ErrorCode.INVALID_TXN_STATE);
        }
        return Optional.empty();
    }

    void onSynced(long syncId, NodeContext ctx) {
        while (!afterSync.isEmpty() && afterSync.firstKey() <= syncId) {
            for (AfterSync action : afterSync.pollFirstEntry().getValue()) {
                switch (action) {
                    case AfterSync.Reply reply -> ctx.send(reply.to(), reply.message());
                    case AfterSync.Complete complete ->
                        complete(byTransactionalId.get(complete.transactionalId()), ctx);
                }
            }
        }
    }

    Optional<TxnState> state(String transactionalId) {
        return Optional.ofNullable(byTransactionalId.get(transactionalId)).map(txn -> txn.state);
    }

    /**
     * The decision is durable: make the transaction's groups' pending offsets committed (or drop them), and send a
     * marker to every partition it touched; it completes when every leader has confirmed its marker.
     */
    private void complete(TxnMetadata txn, NodeContext ctx) {
        groups.endTxn(txn.producerId, txn.groups, txn.state == TxnState.PREPARE_COMMIT);
        if (markers.start(txn, ctx)) {
            finish(txn, ctx);
        }
    }

    /** A partition's leader answered a marker; the transaction completes with the last confirmation. */
    void onMarkerAnswer(ReplicationMessages.WriteTxnMarkerAnswer answer, NodeContext ctx) {
        for (TxnMetadata txn : byTransactionalId.values()) {
            if (txn.state.preparing()
                    && txn.markersUnconfirmed.containsKey(answer.partition())
                    && markers.onAnswer(txn, answer)) {
                finish(txn, ctx);
            }
        }
    }

    /** Every partition has its marker: the transaction is complete. */
    private void finish(TxnMetadata txn, NodeContext ctx) {
        boolean commit = txn.state == TxnState.PREPARE_COMMIT;
        txn.become(commit ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT);
        // Nobody waits for this line: were it lost, the synced Prepare line would be completed again.
        persist(txn.logLine(), ctx);
    }

    private Optional<ErrorCode> check(String transactionalId, long producerId, short epoch) {
        TxnMetadata txn = transactionalId == null ? null : byTransactionalId.get(transactionalId);
        if (txn == null || txn.producerId != producerId) {
            return Optional.of(ErrorCode.UNKNOWN_PRODUCER_ID);
        }
        if (epoch < txn.epoch) {
            return Optional.of(ErrorCode.INVALID_PRODUCER_EPOCH);
        }
        if (txn.state.preparing()) {
            return Optional.of(ErrorCode.CONCURRENT_TRANSACTIONS);
        }
        return Optional.empty();
    }

    private Optional<ErrorCode> refusesNewId(long timeoutMs) {
        if (timeoutMs < 1 || timeoutMs > config.transactionTimeoutMsMax()) {
            return Optional.of(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
        }
        if (byTransactionalId.size() >= config.transactionsMax()) {
            return Optional.of(ErrorCode.COORDINATOR_FULL);
        }
        return Optional.empty();
    }

    /** Whether {@code producerId} is from the block this coordinator hands ids out from (brokers take disjoint blocks). */
    private boolean ownsProducerId(long producerId) {
        return producerId >= producerIdFirst && producerId - producerIdFirst < LogBroker.PRODUCER_ID_BLOCK;
    }

    private static void bumpEpoch(TxnMetadata txn) {
        if (txn.epoch == Short.MAX_VALUE) {
            // Kafka then hands out a new producer id; a run of this lab never comes near it.
            throw new IllegalStateException(txn.transactionalId + ": producer epoch exhausted");
        }
        txn.epoch++;
    }

    private void persist(String line, NodeContext ctx, AfterSync... then) {
        ctx.disk().append(STATE_LOG, line.getBytes(StandardCharsets.UTF_8));
        long syncId = ctx.disk().sync();
        if (then.length > 0) {
            afterSync.computeIfAbsent(syncId, id -> new ArrayList<>()).addAll(List.of(then));
        }
    }

    private static InitProducerIdOk okInit(InitProducerId request, long producerId, int epoch) {
        return new InitProducerIdOk(request.requestId(), producerId, (short) epoch);
    }
}
