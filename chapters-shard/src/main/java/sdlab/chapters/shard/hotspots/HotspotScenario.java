package sdlab.chapters.shard.hotspots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import sdlab.chapters.shard.UserKeys;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
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
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 16: chapter 15's store (shards of 1 ms per request, a placement node, 64 routers, open-loop
 * arrivals) set up as the variant's remedy says, under the variant's hotspot. Load and latency are measured from
 * 100 ms to the end of the arrivals.
 */
final class HotspotScenario {
    static final NodeId PLACEMENT = NodeId.of("placement");
    static final long WARM_UP_NANOS = 100_000_000L;

    private static final int ROUTERS = 64;
    private static final int RANGES_PER_SHARD = 8;
    private static final Duration REPORT_EVERY = Duration.ofMillis(50);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /** What one run produced. */
    record Outcome(SimResult result, HotspotRecorder load) {}

    private HotspotScenario() {}

    static Outcome run(HotspotVariant variant, ParamValues values, boolean moveSplits, long seed, RunOptions options) {
        List<NodeId> shards = IntStream.range(0, values.get(HotspotParams.SHARDS))
                .mapToObj(i -> NodeId.of("s" + i))
                .toList();
        List<String> keys = IntStream.range(0, values.get(HotspotParams.KEYS))
                .mapToObj(UserKeys::of)
                .toList();
        Partitioner first = firstPartitioner(variant.remedy(), shards, keys, values, seed);
        RoutingTable table = RoutingTable.first(first);
        Duration length = values.get(HotspotParams.LENGTH);
        HotspotRecorder load = new HotspotRecorder(shards, WARM_UP_NANOS, length.toNanos());
        ShardSettings shard = new ShardSettings(
                PLACEMENT, values.get(HotspotParams.SERVICE).toNanos(), 0, REPORT_EVERY.toNanos(), 100, 16);
        if (variant.remedy() == Remedy.KEY_LIMIT) {
            shard = shard.withHotKeyRate(values.get(HotspotParams.KEY_LIMIT));
        }
        PlacementSettings placement = variant.remedy() == Remedy.LOAD_SPLITS
                ? new PlacementSettings(splits(values), moveSplits, null, 0)
                : PlacementSettings.fixed();
        List<NodeId> routers =
                IntStream.range(0, ROUTERS).mapToObj(i -> NodeId.of("c" + i)).toList();
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(HotspotParams.ONE_WAY), 0.5)))
                .addNode(PLACEMENT, id -> new PlacementNode(table, placement, load))
                .workload(Workload.openLoop(
                        routers, variant.hotspot().generator(values), values.get(HotspotParams.RATE), length))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId id : shards) {
            SortedMap<String, Long> own = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (first.ownerOf(keys.get(i)).equals(id)) {
                    own.put(keys.get(i), (long) i);
                }
            }
            ShardSettings settings = shard;
            builder.addNode(id, any -> new ShardNode(table, own, settings, load));
        }
        RouterSettings router = new RouterSettings(PLACEMENT, CLIENT_TIMEOUT.toNanos(), RouterSettings.Bug.NONE);
        routers.forEach(r -> builder.addClient(r, new ShardRouter(router, load)));
        return new Outcome(builder.build().run(length.plus(DRAIN)), load);
    }

    private static Partitioner firstPartitioner(
            Remedy remedy, List<NodeId> shards, List<String> keys, ParamValues values, long seed) {
        return switch (remedy) {
            case NONE_RING1 -> new ConsistentHashPartitioner(shards, 1, KeyHash.stable(), seed);
            case VIRTUAL_NODES, KEY_LIMIT ->
                new ConsistentHashPartitioner(shards, values.get(HotspotParams.TOKENS), KeyHash.stable(), seed);
            case NONE_RANGES, LOAD_SPLITS -> {
                int ranges = shards.size() * RANGES_PER_SHARD;
                List<String> cuts = new ArrayList<>();
                for (int i = 1; i < ranges; i++) {
                    String cut = keys.get((int) ((long) i * keys.size() / ranges));
                    if (cuts.isEmpty() || cut.compareTo(cuts.getLast()) > 0) {
                        cuts.add(cut);
                    }
                }
                yield RangePartitioner.cutAt(cuts, shards);
            }
        };
    }

    /** As chapter 15: twice the starting size, or a quarter of a shard's capacity per report interval. */
    private static SplitPolicy splits(ParamValues values) {
        int ranges = values.get(HotspotParams.SHARDS) * RANGES_PER_SHARD;
        long perInterval = REPORT_EVERY.toNanos()
                / Math.max(1, values.get(HotspotParams.SERVICE).toNanos());
        return new SplitPolicy(2L * values.get(HotspotParams.KEYS) / ranges, Math.max(1, perInterval / 4));
    }
}
