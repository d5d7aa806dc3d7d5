package sdlab.app.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.repl.JoinOperator;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;

/**
 * Adds a replica to a running {@code repl} cluster: starts one more node process (the runtime names it after the
 * last and gives it a port), which runs the store's node as a replica that joins late, then runs the store's
 * {@link JoinOperator} over TCP to register it with the failover manager as a candidate and make it join the primary
 * from a snapshot, and waits until it is ready. For {@code
 * sdlab cluster repl add} and for tests.
 */
final class ReplJoinAdmin {
    /** Loading a snapshot of 100,000 keys takes seconds here; a join that takes longer ends unknown. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** What the join came to: the node added, and the operator's outcome (a {@link JoinOperator.Joined} if ok). */
    record Added(NodeId joiner, Outcome outcome) {}

    private ReplJoinAdmin() {}

    /** Starts the new node and makes it join; the process stays in the cluster whatever the outcome. */
    static Added add(ProcessCluster cluster, ReplClusterMechanism mechanism) throws IOException, InterruptedException {
        NodeId joiner = startNode(cluster);
        return new Added(joiner, join(cluster, mechanism, joiner));
    }

    /** Starts the new node process, which waits, empty, to be told whom to join: it refuses reads meanwhile. */
    static NodeId startNode(ProcessCluster cluster) throws IOException {
        return cluster.add();
    }

    /** Makes {@code joiner} join the primary from a snapshot, and waits until it is ready or the timeout passed. */
    static Outcome join(ProcessCluster cluster, ReplClusterMechanism mechanism, NodeId joiner)
            throws InterruptedException {
        NodeId self = NodeId.of("join-operator-" + ProcessHandle.current().pid() + "-" + joiner);
        try (ClientHost host = ClientHost.start(
                self,
                cluster.addresses(),
                mechanism.joinOperator(joiner, cluster.nodes(), JOIN_TIMEOUT),
                mechanism.family(),
                cluster.layout().seed(),
                line -> {})) {
            return await(host);
        }
    }

    private static Outcome await(ClientHost host) throws InterruptedException {
        try {
            return host.invoke(0, JoinOperator.JOIN, null, null).get(JOIN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return Outcome.fail("the operator's client failed: " + e.getCause());
        } catch (TimeoutException e) {
            return Outcome.unknown("no outcome within " + JOIN_TIMEOUT.toSeconds() + " s");
        }
    }
}
