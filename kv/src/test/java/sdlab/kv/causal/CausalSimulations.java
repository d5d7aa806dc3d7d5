package sdlab.kv.causal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
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

/** Runs of the causal store in the simulator: three sites, two clients each, partitions and crashes. */
final class CausalSimulations {
    static final List<NodeId> REPLICAS = CausalCluster.replicaIds(3);
    private static final int CLIENTS = 9;
    private static final int OPS_PER_CLIENT = 60;
    private static final int KEYS = 2;
    private static final Duration HORIZON = Duration.ofSeconds(3);

    private CausalSimulations() {}

    /** Partitions and crashes with restarts (no clock skew: Lamport clocks do not read the clock), from the seed. */
    static FaultPlan faults(long seed) {
        FaultMix mix = new FaultMix(true, true, false, false, false, 8, Duration.ofMillis(800));
        return FaultPlan.random(mix, REPLICAS, HORIZON, new SplittableRandom(seed ^ 0xCA05A1L));
    }

    static SimResult simulate(long seed, CausalConfig config, boolean recordTrace) {
        List<NodeId> clients = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            clients.add(NodeId.of("c" + i));
        }
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(10)))
                        .withLoss(0.1))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .withTornWrites(true))
                .faults(faults(seed))
                .recordTrace(recordTrace)
                .hashTrace(recordTrace)
                .workload(Workload.closedLoop(
                        clients,
                        uniqueWrites(KeyChooser.uniform(KEYS), 0.6),
                        OPS_PER_CLIENT,
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(20))));
        REPLICAS.forEach(replica -> builder.addNode(replica, CausalCluster.nodeFactory(config)));
        for (int i = 0; i < clients.size(); i++) {
            builder.addClient(clients.get(i), CausalCluster.client(config, i));
        }
        return builder.build().run(Duration.ofMinutes(5));
    }

    /** Reads and writes; every written value is unique in the run, so that a read names the write it saw. */
    private static OperationGenerator uniqueWrites(KeyChooser keys, double readFraction) {
        Map<Integer, Long> written = new HashMap<>();
        return (process, random) -> {
            String key = keys.next(random);
            if (random.nextDouble() < readFraction) {
                return new OperationGenerator.Operation(CausalClient.READ, key, null);
            }
            long count = written.merge(process, 1L, Long::sum);
            return new OperationGenerator.Operation(CausalClient.WRITE, key, (process + 1) * 1_000_000L + count);
        };
    }
}
