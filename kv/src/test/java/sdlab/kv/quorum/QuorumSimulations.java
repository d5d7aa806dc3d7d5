package sdlab.kv.quorum;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.KeyChooser;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/** Runs of the quorum store in the simulator, for the tests: one cluster shape, many seeds. */
final class QuorumSimulations {
    static final Duration HORIZON = Duration.ofSeconds(3);

    private QuorumSimulations() {}

    /** The shape of one run. */
    record Run(
            QuorumConfig config,
            int nodeCount,
            int clientCount,
            int opsPerClient,
            int keyCount,
            double lossRate,
            FaultPlan faults,
            List<NodeId> coordinators) {
        Run(
                QuorumConfig config,
                int nodeCount,
                int clientCount,
                int opsPerClient,
                int keyCount,
                double lossRate,
                FaultPlan faults) {
            this(
                    config,
                    nodeCount,
                    clientCount,
                    opsPerClient,
                    keyCount,
                    lossRate,
                    faults,
                    QuorumCluster.nodeIds(nodeCount));
        }

        Run withFaults(FaultPlan plan) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, lossRate, plan, coordinators);
        }

        Run withLoss(double rate) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, rate, faults, coordinators);
        }

        Run withConfig(QuorumConfig newConfig) {
            return new Run(newConfig, nodeCount, clientCount, opsPerClient, keyCount, lossRate, faults, coordinators);
        }

        /** Clients send their operations only to these nodes. */
        Run withCoordinators(List<NodeId> nodes) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, lossRate, faults, nodes);
        }
    }

    /** Five nodes, four clients of 30 operations each on two keys, a reliable network, no faults. */
    static Run small(QuorumConfig config) {
        return new Run(config, 5, 4, 30, 2, 0, FaultPlan.none());
    }

    /** Crashes, partitions, pauses and clogs (no clock skew) drawn from the seed. */
    static FaultPlan randomFaultsWithoutSkew(long seed, List<NodeId> nodes) {
        FaultMix mix = new FaultMix(true, true, true, true, false, 4, Duration.ofMillis(800));
        return FaultPlan.random(mix, nodes, HORIZON, new SplittableRandom(seed));
    }

    static SimResult simulate(long seed, Run run, boolean recordTrace) {
        List<NodeId> nodes = QuorumCluster.nodeIds(run.nodeCount());
        List<NodeId> clients = QuorumCluster.clientIds(run.clientCount());
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(10)))
                        .withLoss(run.lossRate()))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .withTornWrites(true))
                .faults(run.faults())
                .recordTrace(recordTrace)
                .workload(Workload.closedLoop(
                        clients,
                        registerOps(KeyChooser.uniform(run.keyCount()), 0.5),
                        run.opsPerClient(),
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(20))));
        nodes.forEach(node -> builder.addNode(node, QuorumCluster.nodeFactory(run.config(), nodes)));
        clients.forEach(client -> builder.addClient(client, new QuorumClient(run.config(), run.coordinators())));
        return builder.build().run(Duration.ofMinutes(5));
    }

    /**
     * Reads and writes of registers; every written value is unique in the run (process number
     * times a million plus a per-process count), so a read names the write it saw.
     */
    static OperationGenerator registerOps(KeyChooser keys, double readFraction) {
        Map<Integer, Long> written = new HashMap<>();
        return (process, random) -> {
            String key = keys.next(random);
            if (random.nextDouble() < readFraction) {
                return new OperationGenerator.Operation(QuorumClient.READ, key, null);
            }
            long count = written.merge(process, 1L, Long::sum);
            return new OperationGenerator.Operation(QuorumClient.WRITE, key, (process + 1) * 1_000_000L + count);
        };
    }

    static long count(History history, OpType type, String f) {
        return history.ops().stream()
                .filter(op -> op.type() == type && op.f().equals(f))
                .count();
    }

    static long completions(History history) {
        return history.ops().stream().filter(op -> op.type() != OpType.INVOKE).count();
    }

    static boolean allOk(History history) {
        return history.ops().stream().map(Op::type).allMatch(type -> type == OpType.INVOKE || type == OpType.OK);
    }
}
