package sdlab.chapters.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.shard.hot.SpaceSaving;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.SplitPolicy;
import sdlab.shard.store.PlacementNode;
import sdlab.shard.store.PlacementSettings;
import sdlab.shard.store.RouterSettings;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardNode;
import sdlab.shard.store.ShardRouter;
import sdlab.shard.store.ShardSettings;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimControl;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 15: {@code --shards} shards loaded with {@code --keys} users, a placement node, 64 routers under
 * an open-loop workload for {@code --length}. Load and latency are measured from 100 ms (the routers have their
 * tables) until three quarters of the way, when one more shard joins; the placement at that moment is snapshotted
 * for the data figures, and the join's handoffs are the data it moves.
 */
final class PartitioningScenario {
    static final NodeId PLACEMENT = NodeId.of("placement");
    static final long WARM_UP_NANOS = 100_000_000L;
    static final int ROUTERS = 64;
    static final int VALUE_BYTES = 100;

    private static final double ONE_WAY_SIGMA = 0.5;
    private static final Duration REPORT_EVERY = Duration.ofMillis(50);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int HOT_KEYS_TRACKED = 16;

    /**
     * What one run produced.
     *
     * @param result the simulation's history, trace and statistics
     * @param load what the store reported
     * @param holderAtJoin which shard held each key just before the join
     * @param firstTable the table the run started with
     * @param hottestKeyRequests the hottest key's count in the shards' merged top-k summaries
     * @param hottestKey that key
     * @param mostPopular the user the workload draws most often, or null if it favours none
     */
    record Outcome(
            SimResult result,
            LoadRecorder load,
            SortedMap<String, NodeId> holderAtJoin,
            Partitioner firstTable,
            long hottestKeyRequests,
            String hottestKey,
            String mostPopular) {}

    private PartitioningScenario() {}

    static long joinAtNanos(ParamValues values) {
        return values.get(PartitioningParams.LENGTH).toNanos() * 3 / 4;
    }

    static Outcome run(
            PartitioningVariant variant, ParamValues values, Planted planted, long seed, RunOptions options) {
        int shardCount = values.get(PartitioningParams.SHARDS);
        List<NodeId> shards = shards(shardCount);
        NodeId joiner = NodeId.of("s" + shardCount);
        List<String> keys = IntStream.range(0, values.get(PartitioningParams.KEYS))
                .mapToObj(UserKeys::of)
                .toList();
        Partitioner first = variant.scheme()
                .firstPartitioner(
                        shards,
                        keys,
                        values.get(PartitioningParams.TOKENS),
                        values.get(PartitioningParams.RANGES_PER_SHARD),
                        planted.hash(),
                        seed);
        RoutingTable table = RoutingTable.first(first);
        long joinAt = joinAtNanos(values);
        LoadRecorder load = new LoadRecorder(shards, WARM_UP_NANOS, joinAt);
        SortedMap<String, NodeId> holderAtJoin = new TreeMap<>();
        ShardSettings shardSettings = new ShardSettings(
                PLACEMENT,
                values.get(PartitioningParams.SERVICE).toNanos(),
                values.get(PartitioningParams.PER_KEY).toNanos(),
                REPORT_EVERY.toNanos(),
                VALUE_BYTES,
                HOT_KEYS_TRACKED);
        PlacementSettings placement = new PlacementSettings(splits(variant, values), true, joiner, joinAt);
        List<NodeId> routers =
                IntStream.range(0, ROUTERS).mapToObj(i -> NodeId.of("c" + i)).toList();
        Duration length = values.get(PartitioningParams.LENGTH);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(
                        Latency.logNormal(values.get(PartitioningParams.ONE_WAY), ONE_WAY_SIGMA)))
                .addNode(PLACEMENT, id -> new PlacementNode(table, placement, load))
                .workload(Workload.openLoop(
                        routers, variant.pattern().generator(values), values.get(PartitioningParams.RATE), length))
                .at(Duration.ofNanos(joinAt - 1), control -> snapshot(control, shards, holderAtJoin))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        Map<NodeId, SortedMap<String, Long>> preload = preload(first, keys);
        for (NodeId shard : shards) {
            SortedMap<String, Long> own = preload.getOrDefault(shard, new TreeMap<>());
            builder.addNode(shard, id -> new ShardNode(table, own, shardSettings, load));
        }
        builder.addNode(joiner, id -> new ShardNode(table, new TreeMap<>(), shardSettings, load));
        RouterSettings routerSettings = new RouterSettings(PLACEMENT, CLIENT_TIMEOUT.toNanos(), planted.routerBug());
        routers.forEach(router -> builder.addClient(router, new ShardRouter(routerSettings, load)));
        Simulation simulation = builder.build();
        SimResult result = simulation.run(length.plus(DRAIN));
        SpaceSaving.Estimate hottest = hottestKey(simulation, shards, joiner);
        return new Outcome(
                result,
                load,
                holderAtJoin,
                first,
                hottest == null ? 0 : hottest.count(),
                hottest == null ? "" : hottest.key(),
                variant.pattern().mostPopular(values));
    }

    static List<NodeId> shards(int count) {
        return IntStream.range(0, count).mapToObj(i -> NodeId.of("s" + i)).toList();
    }

    /**
     * Ranges split when they hold twice their starting size, or serve more than a quarter of what a shard can serve
     * in a report interval; hash schemes never split.
     */
    private static SplitPolicy splits(PartitioningVariant variant, ParamValues values) {
        if (variant.scheme() != Scheme.RANGE) {
            return SplitPolicy.never();
        }
        int ranges = values.get(PartitioningParams.SHARDS) * values.get(PartitioningParams.RANGES_PER_SHARD);
        long keysMax = 2L * values.get(PartitioningParams.KEYS) / ranges;
        long perInterval = REPORT_EVERY.toNanos()
                / Math.max(1, values.get(PartitioningParams.SERVICE).toNanos());
        return new SplitPolicy(keysMax, Math.max(1, perInterval / 4));
    }

    private static Map<NodeId, SortedMap<String, Long>> preload(Partitioner first, List<String> keys) {
        Map<NodeId, SortedMap<String, Long>> byShard = new TreeMap<>();
        for (int id = 0; id < keys.size(); id++) {
            String key = keys.get(id);
            byShard.computeIfAbsent(first.ownerOf(key), s -> new TreeMap<>()).put(key, (long) id);
        }
        return byShard;
    }

    private static void snapshot(SimControl control, List<NodeId> shards, SortedMap<String, NodeId> holder) {
        List<NodeId> all = new ArrayList<>(shards);
        for (NodeId shard : all) {
            control.node(shard)
                    .map(ShardNode.class::cast)
                    .ifPresent(node -> node.data().keySet().forEach(key -> holder.put(key, shard)));
        }
    }

    /**
     * The hottest key of the whole store: each shard's top-k merged by adding a key's counts, as a metrics pipeline
     * merges per-shard summaries (a key whose range moved during the run was counted by two shards).
     */
    private static SpaceSaving.Estimate hottestKey(Simulation simulation, List<NodeId> shards, NodeId joiner) {
        List<NodeId> all = new ArrayList<>(shards);
        all.add(joiner);
        Map<String, long[]> merged = new TreeMap<>();
        for (NodeId shard : all) {
            for (SpaceSaving.Estimate estimate : simulation
                    .node(shard)
                    .map(ShardNode.class::cast)
                    .orElseThrow()
                    .hotKeys()) {
                long[] sum = merged.computeIfAbsent(estimate.key(), k -> new long[2]);
                sum[0] += estimate.count();
                sum[1] += estimate.error();
            }
        }
        SpaceSaving.Estimate hottest = null;
        for (Map.Entry<String, long[]> entry : merged.entrySet()) {
            if (hottest == null || entry.getValue()[0] > hottest.count()) {
                hottest = new SpaceSaving.Estimate(entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
            }
        }
        return hottest;
    }
}
