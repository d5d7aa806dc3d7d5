package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.store.ShardMessage.ChangeInForce;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * An operator adds a spare shard to the table, or takes one out, while routers overwrite every key: the same
 * scenario {@code ShardsClusterTest} runs over real processes, here in the simulator with the same node classes.
 * The placement node answers once the change is in force, with the entries its shards took in, which must be what
 * the shards handed away.
 */
class OperatorChangeTest {
    private static final NodeId OPERATOR = NodeId.of("operator");
    private static final List<NodeId> SHARDS = StoreWorld.shards(4);
    private static final List<NodeId> ROUTERS =
            IntStream.range(0, 4).mapToObj(i -> NodeId.of("c" + i)).toList();
    private static final int KEYS = 2_000;

    /** What one run showed: the operator's outcome, what the shards handed away, and every shard's data at the end. */
    private record Run(Op change, StoreWorld.Seen seen, Map<String, Long> data, Map<String, Long> lastAcknowledged) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aJoinUnderWritesMovesAboutKOverNPrimeKeysAndTheAnswerCountsThem(long seed) {
        // Shows: s3 joins a ring of three shards; the answer's count equals the entries handed off, within 25% of
        // K/N', and every key holds its last acknowledged value afterwards.
        Run run = run(seed, SHARDS.subList(0, 3), PlacementOperator.JOIN, "s3");
        ChangeInForce change = (ChangeInForce) run.change().value();
        assertThat(change.change()).isEqualTo("s3 joins");
        assertThat(change.entriesMoved()).isEqualTo(run.seen().keysMoved);
        assertThat(change.entriesMoved() / (KEYS / 4.0)).isBetween(0.75, 1.25);
        assertThat(run.data()).containsAllEntriesOf(run.lastAcknowledged()).hasSize(KEYS);
        assertThat(run.seen().servedNotOwned).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aShardLeavingHandsEveryKeyToTheOthers(long seed) {
        // Shows: s0 leaves a ring of four; it hands away all it held, and no key or acknowledged write is lost.
        Run run = run(seed, SHARDS, PlacementOperator.LEAVE, "s0");
        ChangeInForce change = (ChangeInForce) run.change().value();
        assertThat(change.entriesMoved()).isEqualTo(run.seen().keysMoved).isBetween(KEYS / 8L, KEYS / 2L);
        ShardNode left = (ShardNode) run.seen().simulation.node(NodeId.of("s0")).orElseThrow();
        assertThat(left.data()).isEmpty();
        assertThat(run.data()).containsAllEntriesOf(run.lastAcknowledged()).hasSize(KEYS);
    }

    private static Run run(long seed, List<NodeId> firstShards, String f, String shard) {
        StoreWorld.Seen seen = new StoreWorld.Seen();
        Partitioner ring = new ConsistentHashPartitioner(firstShards, 256, KeyHash.stable());
        RoutingTable table = RoutingTable.first(ring);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .addNode(StoreWorld.PLACEMENT, id -> new PlacementNode(table, PlacementSettings.fixed(), seen));
        for (NodeId id : SHARDS) {
            SortedMap<String, Long> own = new TreeMap<>();
            for (int k = 0; k < KEYS; k++) {
                if (ring.shards().contains(id) && ring.ownerOf(key(k)).equals(id)) {
                    own.put(key(k), 0L);
                }
            }
            builder.addNode(id, n -> new ShardNode(table, own, StoreWorld.SHARD, seen));
        }
        RouterSettings router =
                new RouterSettings(StoreWorld.PLACEMENT, Duration.ofSeconds(2).toNanos(), RouterSettings.Bug.NONE);
        ROUTERS.forEach(c -> builder.addClient(c, new ShardRouter(router, seen)));
        builder.addClient(
                OPERATOR,
                new PlacementOperator(
                        StoreWorld.PLACEMENT, Duration.ofSeconds(5).toNanos()));
        List<NodeId> clients = new ArrayList<>(ROUTERS);
        clients.add(OPERATOR);
        builder.workload(Workload.closedLoop(
                clients, overwritesThenOneChange(f, shard), 400, Latency.constant(Duration.ofMillis(2))));
        seen.simulation = builder.build();
        seen.result = seen.simulation.run(Duration.ofSeconds(20));
        Op change = seen.result.history().ops().stream()
                .filter(op -> op.type() == OpType.OK && op.f().equals(f))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the change never completed"));
        Map<String, Long> last = new TreeMap<>();
        for (Op op : seen.result.history().ops()) {
            if (op.type() == OpType.OK && op.f().equals(ShardRouter.PUT)) {
                last.put(op.key(), (Long) op.value());
            }
        }
        return new Run(change, seen, seen.allData(SHARDS), last);
    }

    /**
     * Router process p overwrites keys p, p+4, ... with its operation count; the operator (the last process) asks for
     * the change after 100 table reads, so that it lands among the writes.
     */
    private static OperationGenerator overwritesThenOneChange(String f, String shard) {
        Map<Integer, Integer> count = new TreeMap<>();
        return (process, random) -> {
            int n = count.merge(process, 1, Integer::sum);
            if (process == ROUTERS.size()) {
                return n == 100
                        ? new OperationGenerator.Operation(f, shard, null)
                        : new OperationGenerator.Operation(PlacementOperator.TABLE, null, null);
            }
            int k = (process + ROUTERS.size() * n) % KEYS;
            return new OperationGenerator.Operation(ShardRouter.PUT, key(k), (long) n);
        };
    }

    private static String key(int k) {
        return "key-%05d".formatted(k);
    }
}
