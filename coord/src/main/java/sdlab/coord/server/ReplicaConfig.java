package sdlab.coord.server;

import java.util.Objects;
import sdlab.consensus.raft.RaftConfig;

/**
 * How a replicated coordination server runs.
 *
 * @param raft the consensus underneath
 * @param tickTimeMs ZooKeeper's tick: session timeouts are clamped to 2..20 ticks, and every half
 *     tick the servers report live sessions to the leader, which expires the quiet ones
 * @param sessionsMax the most sessions open at once; a new session beyond it is refused
 * @param proposalTimeoutMs how long a server waits for a client's write to apply before it drops
 *     the connection (its leader is gone, or the write was lost with it): the client reconnects
 *     and learns nothing definite, as with ZooKeeper's connection loss
 * @param containerCheckMs how often the leader removes empty containers and expired TTL nodes
 */
public record ReplicaConfig(
        RaftConfig raft, int tickTimeMs, int sessionsMax, int proposalTimeoutMs, int containerCheckMs) {

    /** ZooKeeper's default tickTime. */
    public static final int TICK_TIME_MS_DEFAULT = 2000;

    /** Sessions open at once, at most: clients that open sessions and vanish cannot grow the table without bound. */
    public static final int SESSIONS_MAX_DEFAULT = 60_000;

    public ReplicaConfig {
        Objects.requireNonNull(raft, "raft");
        if (tickTimeMs <= 1 || sessionsMax <= 0 || proposalTimeoutMs <= 0 || containerCheckMs <= 0) {
            throw new IllegalArgumentException("tick, sessions, proposal timeout and container check must be positive");
        }
    }

    /** ZooKeeper's defaults (tick 2 s, containers checked every minute) over Raft's. */
    public static ReplicaConfig defaults() {
        RaftConfig raft = RaftConfig.defaults();
        return new ReplicaConfig(
                raft, TICK_TIME_MS_DEFAULT, SESSIONS_MAX_DEFAULT, 4 * raft.electionTimeoutMsMax(), 60_000);
    }

    public ReplicaConfig withTickTimeMs(int ms) {
        return new ReplicaConfig(raft, ms, sessionsMax, proposalTimeoutMs, containerCheckMs);
    }

    public ReplicaConfig withContainerCheckMs(int ms) {
        return new ReplicaConfig(raft, tickTimeMs, sessionsMax, proposalTimeoutMs, ms);
    }

    public ReplicaConfig withRaft(RaftConfig newRaft) {
        return new ReplicaConfig(
                newRaft, tickTimeMs, sessionsMax, 4 * newRaft.electionTimeoutMsMax(), containerCheckMs);
    }

    int sessionTimeoutMsMin() {
        return 2 * tickTimeMs;
    }

    int sessionTimeoutMsMax() {
        return 20 * tickTimeMs;
    }
}
