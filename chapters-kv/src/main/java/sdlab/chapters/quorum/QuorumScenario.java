package sdlab.chapters.quorum;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumCluster;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One simulated run of chapter 10: a cluster of quorum-store nodes, closed-loop clients doing
 * reads and writes, a lossy network, and a random fault plan drawn from the seed.
 *
 * <p>The fault plan depends only on the seed and the parameters, never on the variant: every
 * variant of a seed meets the same partitions, crashes and pauses at the same moments, so the
 * claims compare like with like.
 */
final class QuorumScenario {
    /** Think time between a client's operations, drawn uniformly from zero to this. */
    private static final Duration THINK_TIME_MAX = Duration.ofMillis(20);

    /** A rough span of one operation plus think time, used to size the fault plan's window. */
    private static final Duration OPERATION_SPAN = Duration.ofMillis(20);

    /** The spread of the log-normal latency; 0.5 gives a tail of a few times the median. */
    private static final double LATENCY_SIGMA = 0.5;

    /** Mixes the seed for the fault plan's generator, so it differs from the simulation's own. */
    private static final long FAULT_SEED_SALT = 0x5DEECE66DL;

    private QuorumScenario() {}

    static SimResult run(QuorumVariant variant, ParamValues values, long seed, RunOptions options) {
        boolean recordTrace = options.recordTrace();
        List<NodeId> nodes = QuorumCluster.nodeIds(values.get(QuorumParams.NODES));
        List<NodeId> clients = clients(values);
        int opsPerClient = values.get(QuorumParams.OPS_PER_CLIENT);
        Duration horizon = OPERATION_SPAN.multipliedBy(opsPerClient);

        ReadWriteGenerator generator = new ReadWriteGenerator(
                values.get(QuorumParams.KEYS), values.get(QuorumParams.READ_SHARE), clients.size());
        Simulation.Builder sim = Simulation.builder(seed)
                .network(network(values))
                .faults(faultPlan(values, nodes, horizon, seed))
                .workload(Workload.closedLoop(
                        clients, generator, opsPerClient, Latency.uniform(Duration.ZERO, THINK_TIME_MAX)))
                .recordTrace(recordTrace)
                // A run without its trace is one of a sweep's lean runs, which reads no trace hash either; a
                // replay keeps both, so determinism is still checked on the runs anyone looks at.
                .hashTrace(recordTrace)
                .steer(options.steering());
        NodeFactory nodeFactory = QuorumCluster.nodeFactory(variant.config(), nodes);
        for (NodeId node : nodes) {
            sim.addNode(node, nodeFactory);
        }
        for (NodeId client : clients) {
            sim.addClient(client, QuorumCluster.client(variant.config(), nodes));
        }
        return sim.build().run(runLimit(variant, opsPerClient));
    }

    /** The workload's clients; the i-th is process i of the run's history. */
    static List<NodeId> clients(ParamValues values) {
        return QuorumCluster.clientIds(values.get(QuorumParams.CLIENTS));
    }

    private static NetworkConfig network(ParamValues values) {
        Latency latency = Latency.logNormal(values.get(QuorumParams.LATENCY), LATENCY_SIGMA);
        return NetworkConfig.reliable(latency).withLoss(values.get(QuorumParams.LOSS));
    }

    /** A swarm-style plan: up to four faults, each at most a third of the workload's span. */
    static FaultPlan faultPlan(ParamValues values, List<NodeId> nodes, Duration horizon, long seed) {
        QuorumParams.Faults kinds = values.get(QuorumParams.FAULTS);
        boolean partitions = kinds == QuorumParams.Faults.PARTITIONS || kinds == QuorumParams.Faults.MIXED;
        boolean crashes = kinds == QuorumParams.Faults.CRASHES || kinds == QuorumParams.Faults.MIXED;
        boolean pauses = kinds == QuorumParams.Faults.MIXED;
        boolean skew = values.get(QuorumParams.CLOCK_SKEW);
        if (!partitions && !crashes && !skew) {
            return FaultPlan.none();
        }
        FaultMix mix = new FaultMix(partitions, crashes, pauses, false, skew, 4, horizon.dividedBy(3));
        return FaultPlan.random(mix, nodes, horizon, new SplittableRandom(seed ^ FAULT_SEED_SALT));
    }

    /** Generous: every operation could time out and the run would still finish. */
    private static Duration runLimit(QuorumVariant variant, int opsPerClient) {
        Duration perOperation =
                Duration.ofMillis(variant.config().clientTimeoutMs()).plus(THINK_TIME_MAX);
        return perOperation.multipliedBy(opsPerClient).plusSeconds(10);
    }
}
