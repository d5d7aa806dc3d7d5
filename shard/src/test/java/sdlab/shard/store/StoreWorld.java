package sdlab.shard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.shard.partition.Partitioner;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/** A sharded store in the simulator for the tests: shards s0..s{n}, a placement node and routers c0..c{clients}. */
final class StoreWorld {
    static final NodeId PLACEMENT = NodeId.of("placement");
    static final ShardSettings SHARD =
            new ShardSettings(PLACEMENT, 50_000, 1_000, Duration.ofMillis(20).toNanos(), 100, 16);

    /** What the observer saw, and what the run left behind. */
    static final class Seen implements ShardObserver {
        long servedNotOwned;
        long served;
        long rejected;
        long keysMoved;
        final List<RoutingTable> tables = new ArrayList<>();
        Simulation simulation;
        SimResult result;

        @Override
        public void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long atNanos) {
            served++;
            if (!owned) {
                servedNotOwned++;
            }
        }

        @Override
        public void rejectedStale(NodeId shard) {
            rejected++;
        }

        @Override
        public void handedOff(NodeId from, NodeId to, long epoch, long keys, long bytes) {
            keysMoved += keys;
        }

        @Override
        public void tableChanged(RoutingTable table, String why) {
            tables.add(table);
        }

        /** Every shard's data, merged; a key held twice is an error the caller checks by size. */
        Map<String, Long> allData(List<NodeId> shards) {
            Map<String, Long> all = new TreeMap<>();
            for (NodeId shard : shards) {
                simulation.node(shard).map(ShardNode.class::cast).ifPresent(node -> all.putAll(node.data()));
            }
            return all;
        }

        long heldKeys(List<NodeId> shards) {
            return shards.stream()
                    .mapToLong(shard -> simulation
                            .node(shard)
                            .map(ShardNode.class::cast)
                            .map(n -> (long) n.data().size())
                            .orElse(0L))
                    .sum();
        }
    }

    private StoreWorld() {}

    static List<NodeId> shards(int n) {
        return IntStream.range(0, n).mapToObj(i -> NodeId.of("s" + i)).toList();
    }

    static Seen run(
            long seed,
            Partitioner partitioner,
            List<NodeId> allShards,
            SortedMap<String, Long> preload,
            PlacementSettings placement,
            RouterSettings.Bug bug,
            OperationGenerator operations,
            double ratePerSecond,
            Duration length) {
        return run(seed, partitioner, allShards, preload, placement, SHARD, bug, operations, ratePerSecond, length);
    }

    /** A run whose shards work as {@code shard} says. */
    static Seen runWith(
            long seed,
            Partitioner partitioner,
            List<NodeId> allShards,
            SortedMap<String, Long> preload,
            PlacementSettings placement,
            ShardSettings shard,
            OperationGenerator operations,
            double ratePerSecond,
            Duration length) {
        return run(
                seed,
                partitioner,
                allShards,
                preload,
                placement,
                shard,
                RouterSettings.Bug.NONE,
                operations,
                ratePerSecond,
                length);
    }

    private static Seen run(
            long seed,
            Partitioner partitioner,
            List<NodeId> allShards,
            SortedMap<String, Long> preload,
            PlacementSettings placement,
            ShardSettings shardSettings,
            RouterSettings.Bug bug,
            OperationGenerator operations,
            double ratePerSecond,
            Duration length) {
        Seen seen = new Seen();
        RoutingTable table = RoutingTable.first(partitioner);
        List<NodeId> clients =
                IntStream.range(0, 32).mapToObj(i -> NodeId.of("c" + i)).toList();
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .addNode(PLACEMENT, id -> new PlacementNode(table, placement, seen))
                .workload(Workload.openLoop(clients, operations, ratePerSecond, length));
        for (NodeId shard : allShards) {
            SortedMap<String, Long> own = new TreeMap<>();
            if (partitioner.shards().contains(shard)) {
                preload.forEach((key, value) -> {
                    if (partitioner.ownerOf(key).equals(shard)) {
                        own.put(key, value);
                    }
                });
            }
            builder.addNode(shard, id -> new ShardNode(table, own, shardSettings, seen));
        }
        RouterSettings router =
                new RouterSettings(PLACEMENT, Duration.ofSeconds(2).toNanos(), bug);
        clients.forEach(c -> builder.addClient(c, new ShardRouter(router, seen)));
        seen.simulation = builder.build();
        seen.result = seen.simulation.run(length.plus(Duration.ofSeconds(5)));
        return seen;
    }
}
