package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.history.OpType;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/** A read cache in front of a shard answers a hot key from its entry and sends one fetch per miss of a key. */
class ReadCacheNodeTest {
    private static final NodeId CACHE = NodeId.of("cache");
    private static final String HOT = "k0007";

    /** How many requests for the hot key the shard served, and the run. */
    private record Outcome(long hotServed, long coalesced, SimResult result) {}

    @Test
    void theShardServesTheHotKeyAboutOncePerTtlAndEveryReadGetsItsValue() {
        // Shows: half of 2000 reads a second in 500 ms go to one key; with a 50 ms TTL the shard serves it at most
        // once per TTL plus the reads before the cache names it hot, reads wait for one another's fetches, and every
        // read returns the loaded value.
        Outcome outcome = run(true);

        // Before the top-k is trusted nothing is cached; about half of those first reads are of the hot key.
        long beforeCaching = ReadCacheSettings.READS_BEFORE_CACHING / 2;
        assertThat(outcome.hotServed()).isBetween(1L, 500 / 50 + 2 + beforeCaching);
        assertThat(outcome.coalesced()).isPositive();
        for (var op : outcome.result().history().ops()) {
            if (op.type() == OpType.OK && op.key().equals(HOT)) {
                assertThat(op.value()).isEqualTo(7L);
            }
        }
    }

    @Test
    void withoutCoalescingTheShardServesMoreFetchesOfTheHotKey() {
        // Shows: the planted bug (every miss fetches on its own) costs the shard more requests on the same seed.
        long planted = run(false).hotServed();
        long correct = run(true).hotServed();
        System.out.println("hot key served by the shard: " + planted + " without coalescing, " + correct + " with");
        assertThat(planted).isGreaterThan(correct);
    }

    private static Outcome run(boolean coalesce) {
        List<NodeId> shards = List.of(NodeId.of("s0"));
        RoutingTable table = RoutingTable.first(new ModuloPartitioner(shards, KeyHash.stable()));
        TreeMap<String, Long> data = new TreeMap<>();
        IntStream.range(0, 100).forEach(i -> data.put("k%04d".formatted(i), (long) i));
        long[] hotServed = {0};
        ShardObserver observer = new ShardObserver() {
            @Override
            public void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long at) {
                if (HOT.equals(key)) {
                    hotServed[0]++;
                }
            }
        };
        ShardSettings shard = new ShardSettings(StoreWorld.PLACEMENT, 400_000, 0, 0, 100, 16);
        ReadCacheSettings cache = new ReadCacheSettings(Duration.ofMillis(50).toNanos(), 16, 0.05, coalesce);
        ReadCacheNode[] node = {null};
        List<NodeId> routers =
                IntStream.range(0, 16).mapToObj(i -> NodeId.of("c" + i)).toList();
        OperationGenerator reads = (process, random) -> new OperationGenerator.Operation(
                ShardRouter.GET, random.nextBoolean() ? HOT : "k%04d".formatted(random.nextInt(100)), null);
        Simulation.Builder builder = Simulation.builder(3)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .addNode(StoreWorld.PLACEMENT, id -> new PlacementNode(table, PlacementSettings.fixed(), observer))
                .addNode(shards.getFirst(), id -> new ShardNode(table, data, shard, observer))
                .addNode(CACHE, id -> node[0] = new ReadCacheNode(cache, observer))
                .workload(Workload.openLoop(routers, reads, 2000, Duration.ofMillis(500)));
        RouterSettings router = new RouterSettings(
                        StoreWorld.PLACEMENT, Duration.ofSeconds(2).toNanos(), RouterSettings.Bug.NONE)
                .withReadCache(CACHE);
        routers.forEach(r -> builder.addClient(r, new ShardRouter(router, observer)));
        SimResult result = builder.build().run(Duration.ofSeconds(3));
        return new Outcome(hotServed[0], node[0].coalesced(), result);
    }
}
