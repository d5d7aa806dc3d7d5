package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.sim.OperationGenerator;

/**
 * Scans and scatter-gather aggregates return complete answers under every partitioner: a scan of {@code [from, to)}
 * counts exactly the loaded keys in it, wherever the shard boundaries fall, and an aggregate counts and sums every
 * key, while a shard joins halfway and routers refresh.
 */
class ScanAndAggregateTest {
    private static final int KEYS = 5000;

    static Stream<Partitioner> partitioners() {
        var four = StoreWorld.shards(4);
        return Stream.of(
                new ModuloPartitioner(four, KeyHash.stable()),
                new ConsistentHashPartitioner(four, 64, KeyHash.stable()),
                RangePartitioner.cutAt(List.of("k01000", "k02500", "k04000"), four));
    }

    private static String key(int i) {
        return "k%05d".formatted(i);
    }

    @ParameterizedTest
    @MethodSource("partitioners")
    void scansAndAggregatesSeeEveryKeyOnce(Partitioner partitioner) {
        // Shows: read-only scans and aggregates while s4 joins at 0.2 s; every answer is exact.
        TreeMap<String, Long> preload = new TreeMap<>();
        for (int i = 0; i < KEYS; i++) {
            preload.put(key(i), (long) i);
        }
        OperationGenerator reads = (process, random) -> {
            if (random.nextInt(10) == 0) {
                return new OperationGenerator.Operation(ShardRouter.COUNT, null, null);
            }
            int from = random.nextInt(KEYS);
            int to = from + random.nextInt(300);
            return new OperationGenerator.Operation(ShardRouter.SCAN, key(from), key(to));
        };
        StoreWorld.Seen seen = StoreWorld.run(
                3,
                partitioner,
                StoreWorld.shards(5),
                preload,
                PlacementSettings.fixed()
                        .withJoin(NodeId.of("s4"), Duration.ofMillis(200).toNanos()),
                RouterSettings.Bug.NONE,
                reads,
                1500,
                Duration.ofMillis(400));
        assertThat(seen.tables).hasSize(1);
        int checked = 0;
        int scans = 0;
        // A process runs one operation at a time, so its completion answers its last invocation.
        Map<Integer, Op> invoked = new TreeMap<>();
        for (Op op : seen.result.history().ops()) {
            if (op.type() == OpType.INVOKE) {
                invoked.put(op.process(), op);
                continue;
            }
            if (op.type() != OpType.OK) {
                continue;
            }
            if (op.f().equals(ShardRouter.COUNT)) {
                long expectedSum = (long) KEYS * (KEYS - 1) / 2;
                assertThat(op.value()).isEqualTo(List.of((long) KEYS, expectedSum));
                checked++;
            } else {
                Op invoke = invoked.get(op.process());
                long expected =
                        preload.subMap(invoke.key(), (String) invoke.value()).size();
                assertThat(op.value())
                        .as("scan [%s, %s)", invoke.key(), invoke.value())
                        .isEqualTo(expected);
                scans++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(scans).isGreaterThan(100);
    }
}
