package sdlab.ledger;

import java.util.List;
import sdlab.consensus.raft.RaftCluster;
import sdlab.consensus.raft.RaftConfig;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.kv.causal.CausalCluster;
import sdlab.kv.causal.CausalConfig;
import sdlab.kv.quorum.CoordinatorChoice;
import sdlab.kv.quorum.QuorumCluster;
import sdlab.kv.quorum.QuorumConfig;

/**
 * The replicated store under the ledger at one consistency level: its nodes and a new client of
 * it. The ledger adds no replication of its own; it reuses the Raft store, the causal store and the
 * quorum store.
 */
public record LedgerStore(ConsistencyLevel level, List<NodeId> nodes, NodeFactory nodeFactory, StoreClients clients) {

    /** Makes the store's own client, one per ledger client. */
    public interface StoreClients {
        Client next();
    }

    /**
     * Long enough that a Raft client outlasts a partition rather than leaving a transfer in doubt;
     * the quorum store's clients keep its own default.
     */
    private static final int RAFT_CLIENT_GIVE_UP_MS = 10_000;

    /** The store of {@code level} on {@code nodeCount} nodes. */
    public static LedgerStore of(ConsistencyLevel level, int nodeCount) {
        return of(level, nodeCount, LedgerConfig.StoreBug.NONE);
    }

    /** As {@link #of(ConsistencyLevel, int)}, with {@code bug} planted where it is the store's own (in Raft's state machine). */
    public static LedgerStore of(ConsistencyLevel level, int nodeCount, LedgerConfig.StoreBug bug) {
        RaftConfig.Bug raftBug = bug == LedgerConfig.StoreBug.TXN_CONDITIONS_IGNORED
                ? RaftConfig.Bug.TXN_CONDITIONS_IGNORED
                : RaftConfig.Bug.NONE;
        return switch (level) {
            case LINEARIZABLE -> raft(nodeCount, raftBug);
            case CAUSAL -> causal(level, nodeCount, CausalConfig.ClientMode.LOCAL_REPLICA);
            case SESSION -> quorum(level, nodeCount, CoordinatorChoice.STICKY_PER_CLIENT);
            case SESSION_TOKEN -> causal(level, nodeCount, CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN);
            case EVENTUAL -> quorum(level, nodeCount, CoordinatorChoice.RANDOM_PER_OPERATION);
        };
    }

    private static LedgerStore raft(int nodeCount, RaftConfig.Bug bug) {
        RaftConfig d = RaftConfig.defaults();
        RaftConfig config = new RaftConfig(
                d.electionTimeoutMsMin(),
                d.electionTimeoutMsMax(),
                d.heartbeatIntervalMs(),
                d.batchEntriesMax(),
                d.appendsInFlightMax(),
                d.clientAttemptTimeoutMs(),
                RAFT_CLIENT_GIVE_UP_MS,
                d.snapshotLogEntriesMax(),
                RaftConfig.ReadMode.READ_INDEX,
                d.clockDriftPpmMax(),
                d.snapshotChunkBytes(),
                bug);
        List<NodeId> nodes = RaftCluster.nodeIds(nodeCount);
        return new LedgerStore(
                ConsistencyLevel.LINEARIZABLE,
                nodes,
                RaftCluster.nodeFactory(config, nodes),
                () -> RaftCluster.client(config, nodes));
    }

    /** The causal store, one replica per node; the ledger's clients are spread over the replicas in turn. */
    private static LedgerStore causal(ConsistencyLevel level, int nodeCount, CausalConfig.ClientMode mode) {
        // Named as the other stores' nodes are, so that a seed's fault plan hits the same names at every level.
        List<NodeId> replicas = QuorumCluster.nodeIds(nodeCount);
        CausalConfig config = CausalConfig.of(replicas).withClientMode(mode);
        int[] made = {0};
        return new LedgerStore(
                level, replicas, CausalCluster.nodeFactory(config), () -> CausalCluster.client(config, made[0]++));
    }

    private static LedgerStore quorum(ConsistencyLevel level, int nodeCount, CoordinatorChoice choice) {
        QuorumConfig config = QuorumConfig.of(nodeCount, 1, 1).withSloppy(true).withCoordinatorChoice(choice);
        List<NodeId> nodes = QuorumCluster.nodeIds(nodeCount);
        return new LedgerStore(
                level, nodes, QuorumCluster.nodeFactory(config, nodes), () -> QuorumCluster.client(config, nodes));
    }
}
