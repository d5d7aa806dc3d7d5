package sdlab.app.cluster;

import java.util.List;
import java.util.Map;
import sdlab.app.cluster.jepsen.ConsistencyClaim;
import sdlab.chapters.quorum.QuorumClusterMechanism;
import sdlab.chapters.quorum.ReadWriteGenerator;
import sdlab.check.linear.Model;
import sdlab.check.linear.Models;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.NodeLauncher;
import sdlab.sim.OperationGenerator;

/** The mechanisms a real cluster can run, by the name users type; each comes from its own chapter. */
final class ClusterMechanisms {
    /** Every mechanism name, for help and errors. */
    static final List<String> NAMES = List.of(
            QuorumClusterMechanism.NAME,
            RaftClusterMechanism.NAME,
            CoordClusterMechanism.NAME,
            ReplClusterMechanism.NAME,
            ShardClusterMechanism.NAME,
            LogClusterMechanism.NAME,
            CausalClusterMechanism.NAME);

    /** How this program starts one of its own node processes. */
    static final NodeLauncher LAUNCHER = NodeLauncher.of("sdlab.app.Main", "cluster", "node");

    private ClusterMechanisms() {}

    /** The mechanism {@code name} configured by {@code options}; bad names and options throw IllegalArgumentException. */
    static ClusterMechanism resolve(String name, Map<String, String> options) {
        return switch (name) {
            case QuorumClusterMechanism.NAME -> QuorumClusterMechanism.fromOptions(options);
            case RaftClusterMechanism.NAME -> RaftClusterMechanism.fromOptions(options);
            case CoordClusterMechanism.NAME -> CoordClusterMechanism.fromOptions(options);
            case ReplClusterMechanism.NAME -> ReplClusterMechanism.fromOptions(options);
            case ShardClusterMechanism.NAME -> ShardClusterMechanism.fromOptions(options);
            case LogClusterMechanism.NAME -> LogClusterMechanism.fromOptions(options);
            case CausalClusterMechanism.NAME -> CausalClusterMechanism.fromOptions(options);
            default ->
                throw new IllegalArgumentException(
                        "no mechanism '" + name + "' runs as a cluster; use one of " + String.join(", ", NAMES));
        };
    }

    /** The workload a Jepsen-style run drives {@code name} with: its chapter's own generator. */
    static OperationGenerator workload(String name, int keys, double readShare, int clients) {
        return switch (name) {
            // Raft's and the coordination service's clients speak the quorum store's read and write.
            // The sharded store's routers take the same reads and writes (RegisterOpsClient names them), and so does
            // the causal store's client; every value written is unique, which the causal checker needs too.
            case QuorumClusterMechanism.NAME,
                    RaftClusterMechanism.NAME,
                    CoordClusterMechanism.NAME,
                    ShardClusterMechanism.NAME,
                    CausalClusterMechanism.NAME -> new ReadWriteGenerator(keys, readShare, clients);
            // So does the replicated store's, but its log holds text: the values are written as text, so that what a
            // read returns compares equal to what was written.
            case ReplClusterMechanism.NAME -> asText(new ReadWriteGenerator(keys, readShare, clients));
            default ->
                throw new IllegalArgumentException("'cluster test' has no workload for '" + name
                        + "' yet; 'sdlab cluster start " + name + "' says how its clients reach it");
        };
    }

    private static OperationGenerator asText(OperationGenerator numbers) {
        return (process, random) -> {
            OperationGenerator.Operation op = numbers.next(process, random);
            return op.value() == null
                    ? op
                    : new OperationGenerator.Operation(
                            op.f(), op.key(), op.value().toString());
        };
    }

    /**
     * What {@code name} promises, which its histories are judged against: linearizability of a register per key for
     * the stores that claim it, causal consistency for the causal store (which is not linearizable, by design).
     */
    static ConsistencyClaim claim(String name) {
        return name.equals(CausalClusterMechanism.NAME)
                ? new ConsistencyClaim.Causal()
                : new ConsistencyClaim.Linearizable(model(name));
    }

    /** The model {@code name}'s histories are checked against, by the name {@code sdlab check --model} takes. */
    static Model model(String name) {
        return switch (name) {
            case QuorumClusterMechanism.NAME,
                    RaftClusterMechanism.NAME,
                    CoordClusterMechanism.NAME,
                    ReplClusterMechanism.NAME,
                    ShardClusterMechanism.NAME -> Models.register();
            default -> throw new IllegalArgumentException("no model for '" + name + "'");
        };
    }

    /**
     * How many processes {@code resolved} runs: {@code nodes}, unless its own options fix the count (the replicated
     * store's --replicas and --failover, the sharded store's --shards and --spares), in which case a {@code nodes}
     * given by the user must agree with it; the log's brokers and its controller.
     */
    static int nodeCount(ClusterMechanism resolved, int nodes, boolean nodesGiven) {
        int fixed;
        String why;
        switch (resolved) {
            case ReplClusterMechanism repl -> {
                fixed = repl.nodeCount();
                why = "repl runs " + fixed + " processes for these options (the primary, the replicas and, with"
                        + " failover, a lease service and a manager): set --replicas, not --nodes";
            }
            case ShardClusterMechanism shards -> {
                fixed = shards.nodeCount();
                why = "shards runs " + fixed + " processes for these options (the placement node, the shards and the"
                        + " spares): set --shards and --spares, not --nodes";
            }
            case LogClusterMechanism log -> {
                return log.nodeCount(); // --nodes counted its brokers; the controller is one more process
            }
            default -> {
                return nodes;
            }
        }
        if (nodesGiven && nodes != fixed) {
            throw new IllegalArgumentException(why);
        }
        return fixed;
    }

    static ClusterMechanism of(ClusterLayout layout) {
        return resolve(layout.mechanism(), layout.options());
    }
}
