package sdlab.kv.causal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sdlab.core.NodeFactory;
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
        return simulate(seed, config, CausalCluster.nodeFactory(config), recordTrace);
    }

    /** The same run with replicas made by {@code replicas} (a test's probe around the real replica). */
    static SimResult simulate(long seed, CausalConfig config, NodeFactory replicas, boolean recordTrace) {
        Simulation.Builder builder = Simulation.builder(seed)
                .faults(faults(seed))
                .workload(Workload.closedLoop(
                        clientIds(),
                        uniqueWrites(KeyChooser.uniform(KEYS), 0.6),
                        OPS_PER_CLIENT,
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(20))));
        return run(builder, config, replicas, recordTrace, recordTrace, Duration.ofMinutes(5));
    }

    /**
     * A long run: {@code opsPerClient} operations for each of the nine clients, half of them writes, over few keys
     * (so that reads make dependencies across origins), with partitions and crashes drawn over the whole of it.
     */
    static SimResult simulateLong(
            long seed, CausalConfig config, NodeFactory replicas, int opsPerClient, Duration horizon) {
        FaultMix mix = new FaultMix(true, true, false, false, false, 600, Duration.ofSeconds(3));
        Simulation.Builder builder = Simulation.builder(seed)
                .faults(FaultPlan.random(mix, REPLICAS, horizon, new SplittableRandom(seed ^ 0x7121AL)))
                .eventLimit(100_000_000L)
                .workload(Workload.closedLoop(
                        clientIds(),
                        uniqueWrites(KeyChooser.uniform(4), 0.5),
                        opsPerClient,
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(2))));
        // The trace is hashed, not kept: a run of this length has millions of events.
        return run(builder, config, replicas, false, true, horizon.multipliedBy(4));
    }

    private static List<NodeId> clientIds() {
        List<NodeId> clients = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            clients.add(NodeId.of("c" + i));
        }
        return clients;
    }

    /** 10% loss, torn writes, the replicas and one client per replica in turn. */
    private static SimResult run(
            Simulation.Builder builder,
            CausalConfig config,
            NodeFactory replicas,
            boolean recordTrace,
            boolean hashTrace,
            Duration limit) {
        builder.network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(10)))
                        .withLoss(0.1))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .withTornWrites(true))
                .recordTrace(recordTrace)
                .hashTrace(hashTrace);
        List<NodeId> clients = clientIds();
        REPLICAS.forEach(replica -> builder.addNode(replica, replicas));
        for (int i = 0; i < clients.size(); i++) {
            builder.addClient(clients.get(i), CausalCluster.client(config, i));
        }
        return builder.build().run(limit);
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
