package sdlab.repl;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Simulation;

/**
 * The tests' cluster: primary p, replicas r1 and r2, clients c0, c1, ...; a constant 1 ms network and 1 ms syncs
 * unless a test asks for jitter, so that a commit's latency can be worked out by hand.
 */
final class ReplWorld {
    static final NodeId P = NodeId.of("p");
    static final NodeId R1 = NodeId.of("r1");
    static final NodeId R2 = NodeId.of("r2");
    static final NodeId OPERATOR = NodeId.of("op");
    static final List<NodeId> REPLICAS = List.of(R1, R2);
    static final long MS = 1_000_000L;

    private ReplWorld() {}

    static ReplConfig config() {
        return ReplConfig.defaults(P, REPLICAS);
    }

    static NodeId client(int i) {
        return NodeId.of("c" + i);
    }

    /** The three nodes on a constant 1 ms network with 1 ms syncs. */
    static Simulation.Builder cluster(long seed, ReplConfig config, ReplObserver observer) {
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults());
        for (NodeId id : List.of(P, R1, R2)) {
            builder.addNode(id, any -> new ReplNode(config, observer));
        }
        return builder;
    }

    /**
     * The three nodes on a jittery network (log-normal, median 0.25 ms: one data centre) with syncs of 1 to 3 ms
     * (network block storage), so that a sync outlasts a round trip, as it does in clouds.
     */
    static Simulation.Builder jittery(long seed, ReplConfig config, ReplObserver observer) {
        return cluster(seed, config, observer)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))));
    }

    /**
     * Processes below {@code writers} write unique values ("w{process}-{n}") to keys k0..k{keys-1}; the others read
     * those keys.
     */
    static OperationGenerator writesAndReads(int writers, int keys) {
        Map<Integer, Integer> counts = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(keys);
            if (process < writers) {
                int n = counts.merge(process, 1, Integer::sum);
                return new OperationGenerator.Operation(ReplClient.WRITE, key, "w" + process + "-" + n);
            }
            return new OperationGenerator.Operation(ReplClient.READ, key, null);
        };
    }
}
