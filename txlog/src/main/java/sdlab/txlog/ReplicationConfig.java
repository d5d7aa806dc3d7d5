package sdlab.txlog;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a group of brokers replicates its partitions. Standalone (no controller) is one broker that leads every
 * partition alone, which is what the log was before it had replicas: its high watermark is its log end.
 *
 * @param controller the node that elects leaders and keeps each partition's in-sync set, or null when standalone
 * @param brokers every broker of the group, in the order the controller assigns replicas from
 * @param replicationFactor how many brokers hold each partition
 * @param minInsyncReplicas the fewest in-sync replicas an {@code acks=all} produce is accepted with
 * @param replicaLagTimeMaxMs a follower that has not caught up to the leader's log end for this long leaves the
 *     in-sync set, as {@code replica.lag.time.max.ms}
 * @param replicaFetchWaitMaxMs how long a leader holds a follower's fetch that finds nothing new before it answers
 *     it empty, as {@code replica.fetch.wait.max.ms}: an idle follower asks about once per wait, not in a tight loop
 * @param replicaFetchMinBytes how many bytes of records a follower's fetch waits for, as
 *     {@code replica.fetch.min.bytes}; the leader answers sooner when the wait ends or its high watermark moves
 * @param replicaFetchBackoffMs how long a follower waits after a refused fetch before it tries again, as
 *     {@code replica.fetch.backoff.ms}
 * @param replicaFetchTimeoutMs how long past the fetch wait a follower waits for an answer before it sends the fetch
 *     again, as {@code replica.socket.timeout.ms} beyond {@code replica.fetch.wait.max.ms}
 * @param heartbeatMs how often a broker tells the controller it is alive
 * @param sessionTimeoutMs how long the controller waits without a heartbeat before it fences a broker
 * @param uncleanLeaderElection whether a replica outside the in-sync set may lead when no in-sync replica is alive,
 *     as {@code unclean.leader.election.enable}: the partition comes back, and loses what only the dead ones held
 * @param leaderImbalanceCheckMs how often the controller moves each partition's leadership back to its preferred
 *     replica (the first of its replicas) when that one is alive, in sync and not leading, as
 *     {@code auto.leader.rebalance.enable} with {@code leader.imbalance.check.interval.seconds}; 0 never moves it
 */
public record ReplicationConfig(
        NodeId controller,
        List<NodeId> brokers,
        int replicationFactor,
        int minInsyncReplicas,
        long replicaLagTimeMaxMs,
        long replicaFetchWaitMaxMs,
        int replicaFetchMinBytes,
        long replicaFetchBackoffMs,
        long replicaFetchTimeoutMs,
        long heartbeatMs,
        long sessionTimeoutMs,
        boolean uncleanLeaderElection,
        long leaderImbalanceCheckMs) {

    public ReplicationConfig {
        brokers = List.copyOf(brokers);
        if (controller == null && !brokers.isEmpty()) {
            throw new IllegalArgumentException("a group of brokers needs a controller");
        }
        if (controller != null && (replicationFactor < 1 || replicationFactor > brokers.size())) {
            throw new IllegalArgumentException(
                    "the replication factor is between 1 and the " + brokers.size() + " brokers: " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas is between 1 and the replication factor");
        }
        if (replicaLagTimeMaxMs < 1
                || replicaFetchWaitMaxMs < 1
                || replicaFetchMinBytes < 1
                || replicaFetchBackoffMs < 1
                || replicaFetchTimeoutMs < 1
                || heartbeatMs < 1
                || sessionTimeoutMs <= heartbeatMs) {
            throw new IllegalArgumentException("periods are positive and the session outlasts a heartbeat");
        }
        if (replicaFetchMinBytes > 1 && replicaFetchWaitMaxMs >= replicaLagTimeMaxMs) {
            // A fetch held for more bytes leaves its follower behind the log end for the whole wait; past the lag
            // limit the follower of a quiet partition would leave the in-sync set (Kafka's documentation asks the
            // same of replica.fetch.wait.max.ms). With one byte a held follower is at the log end, so in sync.
            throw new IllegalArgumentException(
                    "with replica.fetch.min.bytes above 1 the fetch wait must be shorter than replica.lag.time.max");
        }
        if (leaderImbalanceCheckMs < 0) {
            throw new IllegalArgumentException("the leader imbalance check period is positive, or 0 for none");
        }
    }

    /** One broker, no controller, no followers. */
    public static ReplicationConfig standalone() {
        return new ReplicationConfig(null, List.of(), 1, 1, 30_000, 500, 1, 5, 50, 10, 100, false, 0);
    }

    /**
     * A group of brokers under {@code controller}: a leader holds an idle follower's fetch for up to 500 ms (Kafka's
     * default) and answers it as soon as one byte arrives; followers leave the in-sync set after 30 ms behind, brokers
     * beat every 10 ms and are fenced after 60 ms of silence; clean elections only; leadership stays where elections
     * put it (no preferred-leader move) unless {@link #withLeaderImbalanceCheckMs} asks for one.
     */
    public static ReplicationConfig group(NodeId controller, List<NodeId> brokers, int replicationFactor, int minIsr) {
        Objects.requireNonNull(controller, "controller");
        return new ReplicationConfig(
                controller, brokers, replicationFactor, minIsr, 30, 500, 1, 2, 20, 10, 60, false, 0);
    }

    public boolean standaloneBroker() {
        return controller == null;
    }

    public ReplicationConfig withUncleanLeaderElection(boolean unclean) {
        return new ReplicationConfig(
                controller,
                brokers,
                replicationFactor,
                minInsyncReplicas,
                replicaLagTimeMaxMs,
                replicaFetchWaitMaxMs,
                replicaFetchMinBytes,
                replicaFetchBackoffMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                unclean,
                leaderImbalanceCheckMs);
    }

    public ReplicationConfig withReplicaLagTimeMaxMs(long lagMs) {
        return new ReplicationConfig(
                controller,
                brokers,
                replicationFactor,
                minInsyncReplicas,
                lagMs,
                replicaFetchWaitMaxMs,
                replicaFetchMinBytes,
                replicaFetchBackoffMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                uncleanLeaderElection,
                leaderImbalanceCheckMs);
    }

    public ReplicationConfig withFetchWait(long waitMaxMs, int minBytes) {
        return new ReplicationConfig(
                controller,
                brokers,
                replicationFactor,
                minInsyncReplicas,
                replicaLagTimeMaxMs,
                waitMaxMs,
                minBytes,
                replicaFetchBackoffMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                uncleanLeaderElection,
                leaderImbalanceCheckMs);
    }

    public ReplicationConfig withLeaderImbalanceCheckMs(long checkMs) {
        return new ReplicationConfig(
                controller,
                brokers,
                replicationFactor,
                minInsyncReplicas,
                replicaLagTimeMaxMs,
                replicaFetchWaitMaxMs,
                replicaFetchMinBytes,
                replicaFetchBackoffMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                uncleanLeaderElection,
                checkMs);
    }

    /** Whether the controller moves leadership back to preferred replicas. */
    public boolean preferredLeaderMoves() {
        return leaderImbalanceCheckMs > 0;
    }
}
