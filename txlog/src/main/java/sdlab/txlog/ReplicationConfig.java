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
 * @param replicaFetchWaitMs how long a follower waits after an empty fetch before it fetches again
 * @param replicaFetchTimeoutMs how long a follower waits for a fetch's answer before it sends the fetch again
 * @param heartbeatMs how often a broker tells the controller it is alive
 * @param sessionTimeoutMs how long the controller waits without a heartbeat before it fences a broker
 * @param uncleanLeaderElection whether a replica outside the in-sync set may lead when no in-sync replica is alive,
 *     as {@code unclean.leader.election.enable}: the partition comes back, and loses what only the dead ones held
 */
public record ReplicationConfig(
        NodeId controller,
        List<NodeId> brokers,
        int replicationFactor,
        int minInsyncReplicas,
        long replicaLagTimeMaxMs,
        long replicaFetchWaitMs,
        long replicaFetchTimeoutMs,
        long heartbeatMs,
        long sessionTimeoutMs,
        boolean uncleanLeaderElection) {

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
                || replicaFetchWaitMs < 1
                || replicaFetchTimeoutMs < 1
                || heartbeatMs < 1
                || sessionTimeoutMs <= heartbeatMs) {
            throw new IllegalArgumentException("periods are positive and the session outlasts a heartbeat");
        }
    }

    /** One broker, no controller, no followers. */
    public static ReplicationConfig standalone() {
        return new ReplicationConfig(null, List.of(), 1, 1, 30_000, 5, 50, 10, 100, false);
    }

    /**
     * A group of brokers under {@code controller}: followers fetch every 2 ms when idle, leave the in-sync set after
     * 30 ms behind, brokers beat every 10 ms and are fenced after 60 ms of silence; clean elections only.
     */
    public static ReplicationConfig group(NodeId controller, List<NodeId> brokers, int replicationFactor, int minIsr) {
        Objects.requireNonNull(controller, "controller");
        return new ReplicationConfig(controller, brokers, replicationFactor, minIsr, 30, 2, 20, 10, 60, false);
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
                replicaFetchWaitMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                unclean);
    }

    public ReplicationConfig withReplicaLagTimeMaxMs(long lagMs) {
        return new ReplicationConfig(
                controller,
                brokers,
                replicationFactor,
                minInsyncReplicas,
                lagMs,
                replicaFetchWaitMs,
                replicaFetchTimeoutMs,
                heartbeatMs,
                sessionTimeoutMs,
                uncleanLeaderElection);
    }
}
