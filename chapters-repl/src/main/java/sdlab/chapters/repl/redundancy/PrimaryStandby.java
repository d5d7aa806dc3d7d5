package sdlab.chapters.repl.redundancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.repl.FailoverManager;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplNode;

/**
 * Primary/standby: primary p takes every operation and replicates semi-synchronously (AFTER_SYNC, one
 * acknowledgement) to a hot standby s, which serves nothing; a failover manager writes a heartbeat through the primary
 * and promotes the standby when the primary stops answering, and points the clients at it. A primary it replaced
 * follows its successor when it comes back.
 */
record PrimaryStandby() implements Deployment {
    static final NodeId PRIMARY = NodeId.of("p");
    static final NodeId STANDBY = NodeId.of("s");
    static final NodeId MANAGER = NodeId.of("manager");

    @Override
    public List<NodeId> stores() {
        return List.of(PRIMARY, STANDBY);
    }

    @Override
    public List<NodeId> maintained() {
        return List.of(STANDBY, PRIMARY);
    }

    @Override
    public Optional<NodeId> manager() {
        return Optional.of(MANAGER);
    }

    @Override
    public Node node(NodeId id, Cast cast) {
        if (id.equals(MANAGER)) {
            return new FailoverManager(cast.manager(PRIMARY, stores(), 0));
        }
        ReplConfig config = cast.config(PRIMARY, List.of(STANDBY))
                .semiSync(ReplConfig.WaitPoint.AFTER_SYNC)
                .withTimeoutNanosSemiSync(
                        cast.values().get(RedundancyParams.SEMI_SYNC_TIMEOUT).toNanos());
        return new ReplNode(config, cast.ledger());
    }

    @Override
    public Client client(int process, Cast cast) {
        return new ReplClient(ReplClient.Settings.atPrimary(PRIMARY, cast.clientTimeoutNanos()));
    }

    @Override
    public Set<String> kept(Function<NodeId, Node> nodes) {
        return Cast.keptBy(nodes, finalPrimary(nodes));
    }

    @Override
    public NodeId finalPrimary(Function<NodeId, Node> nodes) {
        FailoverManager manager = Cast.live(nodes, MANAGER, FailoverManager.class);
        return manager == null ? PRIMARY : manager.primary();
    }
}
