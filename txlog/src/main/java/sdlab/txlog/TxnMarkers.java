package sdlab.txlog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.txlog.ReplicationMessages.WriteTxnMarker;
import sdlab.txlog.ReplicationMessages.WriteTxnMarkerAnswer;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The transaction coordinator's markers on their way to the partitions, as Kafka's transaction marker channel sends
 * WriteTxnMarkers: once a decision is synced, every partition of the transaction gets its commit or abort marker from
 * whichever broker leads it. A partition this broker leads is written at once; any other gets a {@link WriteTxnMarker}
 * to its leader as this broker last heard it from the controller (to every other broker when it heard of none: it
 * holds no replica of that partition), and stays unconfirmed until the leader answers that the marker is below its
 * high watermark. A refusal (the broker no longer leads), a lost message or a leader that is
 * down leaves the marker unconfirmed, and it is sent again every {@code markerRetryMs} to the leader of the moment,
 * with no bound on the attempts: a decided transaction must complete, and it holds its partitions' last stable offset
 * until it does.
 *
 * <p>A retry can write a second marker into a partition whose first marker's answer was lost. That is harmless, as in
 * Kafka: a marker for a producer with no open transaction there closes nothing.
 */
final class TxnMarkers {
    private final Map<TopicPartition, PartitionReplica> partitions;
    private final long retryNanos;
    private final List<NodeId> brokers;
    private final Bug bug;
    private long markerIdNext = 1;

    /** @param brokers every broker of the group (none for a standalone broker, which leads every partition itself) */
    TxnMarkers(Map<TopicPartition, PartitionReplica> partitions, List<NodeId> brokers, long retryMs, Bug bug) {
        this.partitions = partitions;
        this.brokers = List.copyOf(brokers);
        this.retryNanos = retryMs * 1_000_000L;
        this.bug = bug;
    }

    /** The transaction is decided: every one of its partitions is owed a marker. Returns whether all are confirmed. */
    boolean start(TxnMetadata txn, NodeContext ctx) {
        txn.markersUnconfirmed.clear();
        txn.partitions.forEach(tp -> txn.markersUnconfirmed.put(tp, 0L));
        return send(txn, ctx);
    }

    /** Sends again the markers of {@code txn} that have waited past the retry period. Returns whether all are confirmed. */
    boolean retryIfDue(TxnMetadata txn, NodeContext ctx) {
        if (txn.markersUnconfirmed.isEmpty() || ctx.nowNanos() - txn.markersSentAtNanos < retryNanos) {
            return txn.markersUnconfirmed.isEmpty();
        }
        ctx.note(txn.transactionalId + ": markers unconfirmed for " + txn.markersUnconfirmed.keySet() + ", sent again");
        return send(txn, ctx);
    }

    /**
     * A leader answered: the marker counts only if it answers the latest attempt for that partition and was written.
     * Returns whether every marker of {@code txn} is now confirmed.
     */
    boolean onAnswer(TxnMetadata txn, WriteTxnMarkerAnswer answer) {
        Long latest = txn.markersUnconfirmed.get(answer.partition());
        if (latest != null && latest == answer.markerId() && answer.written()) {
            txn.markersUnconfirmed.remove(answer.partition());
        }
        return txn.markersUnconfirmed.isEmpty();
    }

    private boolean send(TxnMetadata txn, NodeContext ctx) {
        boolean commit = txn.state == TxnState.PREPARE_COMMIT;
        for (TopicPartition tp : List.copyOf(txn.markersUnconfirmed.keySet())) {
            PartitionReplica replica = partitions.get(tp);
            if (replica.leads()) {
                replica.writeMarker(txn.producerId, txn.epoch, commit, ctx);
                txn.markersUnconfirmed.remove(tp);
                continue;
            }
            if (bug == Bug.TXN_MARKERS_ONLY_ON_OWN_BROKER) {
                ctx.note(tp + ": no marker written, this broker does not lead it");
                txn.markersUnconfirmed.remove(tp);
                continue;
            }
            Optional<NodeId> leader = replica.state().map(PartitionState::leader);
            long markerId = markerIdNext++;
            txn.markersUnconfirmed.put(tp, markerId);
            WriteTxnMarker marker = new WriteTxnMarker(markerId, tp, txn.producerId, txn.epoch, commit);
            if (leader.isPresent() && !leader.get().equals(ctx.self())) {
                ctx.send(leader.get(), marker);
            } else {
                // The controller tells only a partition's replicas about it: a broker that holds none asks them all,
                // and only the one that leads writes the marker and confirms it.
                brokers.stream().filter(b -> !b.equals(ctx.self())).forEach(b -> ctx.send(b, marker));
            }
        }
        txn.markersSentAtNanos = ctx.nowNanos();
        return txn.markersUnconfirmed.isEmpty();
    }
}
