package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A durable shard overwritten many times rewrites its log as its entries, so the log stays bounded; crashed after
 * that, it comes back from the rewritten log with the last acknowledged value of every key.
 */
class ShardLogCompactionTest {
    private static final NodeId SHARD = NodeId.of("s0");
    private static final int KEYS = 20;
    private static final int PUTS = 10_000;

    @Test
    void aRewrittenLogKeepsTheLastAcknowledgedValueOfEveryKeyAcrossACrash() {
        // Shows: 20 keys written once, then 9,980 puts to two keys, leave a log of far fewer records than puts; a
        // crash after 7 s (the log rewritten once by then, at 4,096 records) loses none of the 20 keys, which live only
        // in the rewrite.
        RoutingTable table = RoutingTable.first(new ModuloPartitioner(List.of(SHARD), KeyHash.stable()));
        ShardSettings settings = StoreWorld.SHARD.withDurability(ShardSettings.Durability.SYNCED);
        Map<Integer, Integer> count = new TreeMap<>();
        OperationGenerator puts = (process, random) -> {
            int n = count.merge(process, 1, Integer::sum);
            // Cold keys written once, first; then two hot keys: the cold ones survive only in rewritten logs.
            String key = n <= KEYS ? "cold" + n : "hot" + n % 2;
            return new OperationGenerator.Operation(ShardRouter.PUT, key, (long) n);
        };
        Simulation simulation = Simulation.builder(3)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofNanos(100_000))))
                .addNode(
                        StoreWorld.PLACEMENT,
                        id -> new PlacementNode(table, PlacementSettings.fixed(), ShardObserver.NONE))
                .addNode(SHARD, id -> new ShardNode(table, new TreeMap<>(), settings, ShardObserver.NONE))
                .addClient(
                        NodeId.of("c0"),
                        new ShardRouter(
                                new RouterSettings(
                                        StoreWorld.PLACEMENT,
                                        Duration.ofSeconds(2).toNanos(),
                                        RouterSettings.Bug.NONE),
                                ShardObserver.NONE))
                .workload(Workload.closedLoop(List.of(NodeId.of("c0")), puts, PUTS, Latency.constant(Duration.ZERO)))
                .faults(FaultPlan.builder()
                        .crash(Duration.ofSeconds(7), SHARD, Duration.ofMillis(100))
                        .build())
                .build();
        var result = simulation.run(Duration.ofSeconds(60));
        Map<String, Long> lastAcked = new TreeMap<>();
        long acked = 0;
        for (Op op : result.history().ops()) {
            if (op.type() == OpType.OK) {
                lastAcked.put(op.key(), (Long) op.value());
                acked++;
            }
        }
        // The put in flight at the crash is unknown; every other one is acknowledged.
        assertThat(acked).isGreaterThan(PUTS - 5L);
        assertThat(result.stats().crashes()).isEqualTo(1);
        int records = ShardLogCodec.decode(
                        simulation.disk(SHARD).orElseThrow().read(ShardLog.FILE).orElseThrow())
                .records()
                .size();
        assertThat(records).as("records in the log").isLessThan(PUTS / 2);
        ShardNode restarted = (ShardNode) simulation.nodeAtEnd(SHARD);
        assertThat(restarted.data()).isEqualTo(lastAcked);
    }
}
