package sdlab.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;

class ShardRoutingBenchmarkTest {
    @Test
    void everyMeasuredPartitionerRoutesOverTwelveShards() {
        for (String name : ShardRoutingBenchmark.PARTITIONERS) {
            assertThat(ShardRoutingBenchmark.create(name).shards()).as(name).hasSize(12);
        }
        assertThat(((RangePartitioner) ShardRoutingBenchmark.create("range-1000")).ranges())
                .hasSize(1000);
    }

    @Test
    void theRangeCutsSpreadTheBenchmarksKeysEvenly() {
        // The ranges are cut at equal steps of the keys' hex space, so no shard gets far more than 1/12 of the keys:
        // a benchmark of range routing that sent every key to one range would measure a different search.
        Partitioner ranges = ShardRoutingBenchmark.create("range-12");
        Map<NodeId, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 12_000; i++) {
            counts.merge(ranges.ownerOf(String.format("user:%016x", random.nextLong())), 1, Integer::sum);
        }
        assertThat(counts).hasSize(12);
        assertThat(counts.values()).allMatch(count -> count > 800 && count < 1200);
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> ShardRoutingBenchmark.create("ring")).isInstanceOf(RuntimeException.class);
    }
}
