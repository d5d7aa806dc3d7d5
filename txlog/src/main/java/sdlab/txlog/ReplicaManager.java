package sdlab.txlog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.txlog.ReplicationMessages.AlterIsrAnswer;
import sdlab.txlog.ReplicationMessages.BrokerHeartbeat;
import sdlab.txlog.ReplicationMessages.EpochEndOffset;
import sdlab.txlog.ReplicationMessages.EpochEndOffsetOk;
import sdlab.txlog.ReplicationMessages.LeaderAndIsr;
import sdlab.txlog.ReplicationMessages.RegisterBroker;
import sdlab.txlog.ReplicationMessages.ReplicaFetch;
import sdlab.txlog.ReplicationMessages.ReplicaFetchOk;
import sdlab.txlog.ReplicationMessages.ReplicaRefused;

/**
 * A broker's replication side: one {@link PartitionReplica} per partition, the broker's registration and heartbeats
 * to the controller, the periodic look for lagging followers, and retention. A standalone broker has no controller:
 * it leads every partition alone from the start, in leader epoch 0.
 */
final class ReplicaManager {
    /** The broker tells the controller it is alive. */
    record Heartbeat() implements Timer {}

    /** The leaders look for followers past the lag limit. */
    record IsrCheck() implements Timer {}

    /** Every replica deletes what its retention no longer keeps. */
    record RetentionCheck() implements Timer {}

    private final TxLogConfig config;
    private final ReplicationConfig replication;
    private final Map<TopicPartition, PartitionReplica> replicas = new TreeMap<>();

    ReplicaManager(TxLogConfig config, NodeId self) {
        this.config = config;
        this.replication = config.replication();
        config.partitionsByTopic().forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                addReplica(new TopicPartition(topic, p), self);
            }
        });
    }

    private PartitionReplica addReplica(TopicPartition tp, NodeId self) {
        PartitionLog log = new PartitionLog(tp, config.recordsPerPartitionMax());
        PartitionReplica replica = new PartitionReplica(log, self, replication, config.bug());
        replicas.put(tp, replica);
        return replica;
    }

    /**
     * Creates a topic on a standalone broker, which leads each new partition alone from epoch 0 as it does those it
     * started with. A broker of a cluster refuses: its partitions, replicas and leaders are the controller's, which
     * takes its topics from the configuration.
     */
    TxLogMessages.Response createTopic(TxLogMessages.CreateTopic create, NodeContext ctx) {
        int existing = partitionCount(create.topic());
        if (existing > 0) {
            return new TxLogMessages.TopicCreated(create.requestId(), create.topic(), existing);
        }
        if (!replication.standaloneBroker()) {
            return new TxLogMessages.TopicRefused(
                    create.requestId(), create.topic(), "a cluster's topics are named at start");
        }
        NodeId self = ctx.self();
        for (int p = 0; p < create.partitions(); p++) {
            TopicPartition tp = new TopicPartition(create.topic(), p);
            addReplica(tp, self).onState(new PartitionState(tp, List.of(self), self, 0, List.of(self), 0), ctx);
        }
        ctx.note("created topic " + create.topic() + " with " + create.partitions() + " partitions");
        return new TxLogMessages.TopicCreated(create.requestId(), create.topic(), create.partitions());
    }

    private int partitionCount(String topic) {
        int count = 0;
        while (replicas.containsKey(new TopicPartition(topic, count))) {
            count++;
        }
        return count;
    }

    /** Every partition's replica on this broker, for the transaction coordinator's markers. */
    Map<TopicPartition, PartitionReplica> replicas() {
        return replicas;
    }

    void onStart(NodeContext ctx, boolean restarted) {
        if (replication.standaloneBroker()) {
            NodeId self = ctx.self();
            replicas.forEach((tp, replica) ->
                    replica.onState(new PartitionState(tp, List.of(self), self, 0, List.of(self), 0), ctx));
        } else {
            ctx.send(replication.controller(), new RegisterBroker(restarted));
            ctx.setTimer(Duration.ofMillis(replication.heartbeatMs()), new Heartbeat());
            ctx.setTimer(isrCheckPeriod(), new IsrCheck());
        }
        if (config.retention().limited()) {
            ctx.setTimer(Duration.ofMillis(config.retention().checkMs()), new RetentionCheck());
        }
    }

    /** Half the lag limit, so a laggard leaves the in-sync set at most half a period late. */
    private Duration isrCheckPeriod() {
        return Duration.ofMillis(Math.max(1, replication.replicaLagTimeMaxMs() / 2));
    }

    void onMessage(NodeId from, ReplicationMessages message, NodeContext ctx) {
        switch (message) {
            case LeaderAndIsr update -> replica(update.state().partition()).onState(update.state(), ctx);
            case AlterIsrAnswer answer -> replica(answer.state().partition()).onAlterIsrAnswer(answer, ctx);
            case EpochEndOffset ask -> replica(ask.partition()).onEpochEndOffset(from, ask, ctx);
            case ReplicaFetch fetch -> replica(fetch.partition()).onFetch(from, fetch, ctx);
            case EpochEndOffsetOk answer ->
                replica(answer.partition()).follower().ifPresent(f -> f.onEpochEnd(answer, ctx));
            case ReplicaFetchOk answer ->
                replica(answer.partition()).follower().ifPresent(f -> f.onFetchOk(answer, ctx));
            case ReplicaRefused refused ->
                replica(refused.partition()).follower().ifPresent(f -> f.onRefused(refused, ctx));
            case ReplicationMessages.WriteTxnMarker marker ->
                replica(marker.partition()).onWriteMarker(from, marker, ctx);
            case ReplicationMessages.WriteTxnMarkerAnswer answer -> {} // the transaction coordinator's
            case ReplicationMessages.AlterIsr alter -> {} // the controller's
            case RegisterBroker register -> {} // the controller's
            case BrokerHeartbeat heartbeat -> {} // the controller's
        }
    }

    /** Handles the replication timers; any other timer is not this manager's. */
    void onTimer(Timer timer, NodeContext ctx) {
        switch (timer) {
            case Heartbeat beat -> {
                ctx.send(replication.controller(), new BrokerHeartbeat());
                ctx.setTimer(Duration.ofMillis(replication.heartbeatMs()), beat);
            }
            case IsrCheck check -> {
                replicas.values().stream().filter(PartitionReplica::leads).forEach(r -> r.leader()
                        .checkLaggards(ctx));
                ctx.setTimer(isrCheckPeriod(), check);
            }
            case RetentionCheck check -> {
                replicas.values().forEach(r -> {
                    int deleted = r.log().applyRetention(config.retention(), ctx.nowNanos());
                    if (deleted > 0) {
                        ctx.note(r.log().id() + ": retention deleted " + deleted + " records, log starts at "
                                + r.log().logStartOffset());
                    }
                });
                ctx.setTimer(Duration.ofMillis(config.retention().checkMs()), check);
            }
            case PartitionFollower.Step step ->
                replica(step.partition()).follower().ifPresent(f -> f.onStep(step, ctx));
            case ParkedFetches.WaitEnds ends -> replica(ends.partition()).onFetchWaitEnds(ends, ctx);
            default -> {}
        }
    }

    /** The replica of {@code partition}, or null when this broker has no such partition. */
    PartitionReplica find(TopicPartition partition) {
        return replicas.get(partition);
    }

    private PartitionReplica replica(TopicPartition partition) {
        PartitionReplica replica = replicas.get(partition);
        if (replica == null) {
            throw new IllegalArgumentException("no partition " + partition);
        }
        return replica;
    }
}
