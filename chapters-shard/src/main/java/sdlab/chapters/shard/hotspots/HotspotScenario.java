package sdlab.chapters.shard.hotspots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import sdlab.chapters.shard.UserKeys;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.shard.hot.KeySalting;
import sdlab.shard.hot.ReplicaChoice;
import sdlab.shard.hot.Replication;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.SplitPolicy;
import sdlab.shard.store.PlacementNode;
import sdlab.shard.store.PlacementSettings;
import sdlab.shard.store.ReadCacheNode;
import sdlab.shard.store.ReadCacheSettings;
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

    static final NodeId READ_CACHE = NodeId.of("cache");

    /** Counters of the cache's top-k, as a shard's. */
    private static final int HOT_KEYS_TRACKED = 16;
    /** The read cache keeps a key that surely took at least this share of the reads it saw. */
    private static final double CACHE_HOT_SHARE = 0.01;

    /** What one run produced; {@code cache} is the read cache, or null in variants without one. */
    record Outcome(SimResult result, HotspotRecorder load, ReadCacheNode cache) {}

    private HotspotScenario() {}

    static Outcome run(HotspotVariant variant, ParamValues values, HotspotBug bug, long seed, RunOptions options) {
        List<NodeId> shards = IntStream.range(0, values.get(HotspotParams.SHARDS))
                .mapToObj(i -> NodeId.of("s" + i))
                .toList();
        List<String> keys = IntStream.range(0, values.get(HotspotParams.KEYS))
                .mapToObj(UserKeys::of)
                .toList();
        Remedy remedy = variant.remedy();
        Partitioner first = firstPartitioner(remedy, shards, keys, values, seed);
        RoutingTable table = RoutingTable.first(first);
        Duration length = values.get(HotspotParams.LENGTH);
        Replication replication = replication(remedy, values, bug);
        List<NodeId> copies =
                shards.stream().flatMap(s -> replication.of(s).stream()).toList();
        String hot = Hotspot.hotKey(values);
        HotspotRecorder load = new HotspotRecorder(copies, WARM_UP_NANOS, length.toNanos(), hot);
        ShardSettings shard = new ShardSettings(
                PLACEMENT,
                values.get(HotspotParams.SERVICE).toNanos(),
                0,
                REPORT_EVERY.toNanos(),
                100,
                HOT_KEYS_TRACKED);
        if (variant.remedy() == Remedy.KEY_LIMIT) {
            shard = shard.withHotKeyRate(values.get(HotspotParams.KEY_LIMIT));
        }
        PlacementSettings placement = variant.remedy() == Remedy.LOAD_SPLITS
                ? new PlacementSettings(splits(values), bug != HotspotBug.SPLITS_NEVER_MOVE, null, 0)
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
        KeySalting salting = remedy == Remedy.SALTED
                ? new KeySalting(Set.of(hot), values.get(HotspotParams.SALTS), bug == HotspotBug.SALT_ALWAYS_FIRST)
                : KeySalting.NONE;
        Map<String, Long> loaded = loaded(keys, salting);
        for (NodeId id : shards) {
            SortedMap<String, Long> own = new TreeMap<>();
            loaded.forEach((key, value) -> {
                if (first.ownerOf(key).equals(id)) {
                    own.put(key, value);
                }
            });
            List<NodeId> ofShard = replication.of(id);
            for (NodeId copy : ofShard) {
                ShardSettings settings = copy.equals(id) ? shard : shard.asReplicaOf(id);
                if (ofShard.size() > 1 && copy.equals(ofShard.getLast())) {
                    settings = slowed(settings, values.get(HotspotParams.SLOW_COPY));
                }
                ShardSettings chosen = settings;
                builder.addNode(copy, any -> new ShardNode(table, own, chosen, load));
            }
        }
        RouterSettings router = new RouterSettings(PLACEMENT, CLIENT_TIMEOUT.toNanos(), RouterSettings.Bug.NONE)
                .withSalting(salting)
                .withReplication(replication);
        ReadCacheNode[] cache = {null};
        if (remedy == Remedy.READ_CACHE || remedy == Remedy.READ_CACHE_INVALIDATED) {
            ReadCacheSettings settings = new ReadCacheSettings(
                    values.get(HotspotParams.CACHE_TTL).toNanos(),
                    HOT_KEYS_TRACKED,
                    CACHE_HOT_SHARE,
                    bug != HotspotBug.NO_COALESCING,
                    invalidation(remedy, bug));
            // The cache is never crashed, so its factory runs once and the node it makes is the one measured.
            builder.addNode(READ_CACHE, any -> cache[0] = new ReadCacheNode(settings, load));
            router = router.withReadCache(READ_CACHE);
        }
        RouterSettings routerSettings = router;
        routers.forEach(r -> builder.addClient(r, new ShardRouter(routerSettings, load)));
        SimResult result = builder.build().run(length.plus(DRAIN));
        return new Outcome(result, load, cache[0]);
    }

    private static ReadCacheSettings.Invalidation invalidation(Remedy remedy, HotspotBug bug) {
        if (remedy != Remedy.READ_CACHE_INVALIDATED) {
            return ReadCacheSettings.Invalidation.NONE;
        }
        return bug == HotspotBug.INVALIDATES_ANOTHER_KEY
                ? ReadCacheSettings.Invalidation.ON_WRITE_ANOTHER_KEY
                : ReadCacheSettings.Invalidation.ON_WRITE;
    }

    /** Every user with its id as value; a salted key's sub-keys each start with the key's value. */
    private static Map<String, Long> loaded(List<String> keys, KeySalting salting) {
        Map<String, Long> loaded = new TreeMap<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> stored = salting.readKeys(keys.get(i));
            for (String key : stored) {
                loaded.put(key, (long) i);
            }
        }
        return loaded;
    }

    /** A copy that serves {@code factor} times slower: the degraded node that load-aware choice should avoid. */
    private static ShardSettings slowed(ShardSettings settings, double factor) {
        return new ShardSettings(
                settings.placement(),
                Math.round(settings.pointNanos() * factor),
                settings.perKeyNanos(),
                settings.reportEveryNanos(),
                settings.valueBytes(),
                settings.hotKeysTracked(),
                settings.hotKeyRatePerSecond(),
                settings.replicaOf());
    }

    private static Replication replication(Remedy remedy, ParamValues values, HotspotBug bug) {
        boolean longer = bug == HotspotBug.PREFER_LONGER_QUEUE;
        int copies = values.get(HotspotParams.COPIES);
        return switch (remedy) {
            case COPIES_RANDOM -> new Replication(copies, ReplicaChoice.RANDOM, longer);
            case COPIES_LEAST_LOADED -> new Replication(copies, ReplicaChoice.LEAST_LOADED, longer);
            case COPIES_TWO_CHOICES -> new Replication(copies, ReplicaChoice.TWO_CHOICES, longer);
            default -> Replication.SINGLE;
        };
    }

    private static Partitioner firstPartitioner(
            Remedy remedy, List<NodeId> shards, List<String> keys, ParamValues values, long seed) {
        return switch (remedy) {
            case NONE_RING1 -> new ConsistentHashPartitioner(shards, 1, KeyHash.stable(), seed);
            case VIRTUAL_NODES,
                    KEY_LIMIT,
                    SALTED,
                    READ_CACHE,
                    READ_CACHE_INVALIDATED,
                    COPIES_RANDOM,
                    COPIES_LEAST_LOADED,
                    COPIES_TWO_CHOICES ->
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
