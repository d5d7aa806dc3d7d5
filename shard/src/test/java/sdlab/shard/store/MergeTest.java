package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.history.OpType;
import sdlab.shard.partition.MergePolicy;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.SplitPolicy;
import sdlab.sim.OperationGenerator;

/** Small, cold neighbouring ranges of one shard merge, and the routers follow. */
class MergeTest {
    @Test
    void smallColdNeighboursMergeAndReadsStillFindEveryKey() {
        // Shows: 16 ranges of 50 keys, the first 8 on s0 and the last 8 on s1, under light reads; with a merge size of
        // 400 keys the placement node merges neighbours until a merge would reach it, and every read finds its key.
        List<String> cuts = new ArrayList<>();
        TreeMap<String, Long> preload = new TreeMap<>();
        for (int i = 0; i < 800; i++) {
            preload.put("k%04d".formatted(i), (long) i);
            if (i > 0 && i % 50 == 0) {
                cuts.add("k%04d".formatted(i));
            }
        }
        List<NodeId> owners = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            owners.add(StoreWorld.shards(2).get(i < 8 ? 0 : 1));
        }
        RangePartitioner first = ownedInBlocks(cuts, owners);
        OperationGenerator reads = (process, random) ->
                new OperationGenerator.Operation(ShardRouter.GET, "k%04d".formatted(random.nextInt(800)), null);
        PlacementSettings placement =
                new PlacementSettings(SplitPolicy.never(), false, null, 0).withMerges(new MergePolicy(400, 100));
        StoreWorld.Seen seen = StoreWorld.run(
                4,
                first,
                StoreWorld.shards(2),
                preload,
                placement,
                RouterSettings.Bug.NONE,
                reads,
                500,
                Duration.ofMillis(800));
        RangePartitioner last = (RangePartitioner) seen.tables.getLast().partitioner();
        assertThat(last.ranges()).hasSizeLessThanOrEqualTo(6);
        assertThat(seen.servedNotOwned).isZero();
        assertThat(seen.allData(StoreWorld.shards(2))).isEqualTo(preload);
        seen.result.history().ops().stream()
                .filter(op -> op.type() == OpType.OK)
                .forEach(op -> assertThat(op.value()).as(op.key()).isNotNull());
    }

    private static RangePartitioner ownedInBlocks(List<String> cuts, List<NodeId> owners) {
        RangePartitioner ranges = RangePartitioner.cutAt(cuts, owners.subList(0, 1));
        for (int i = 0; i < ranges.ranges().size(); i++) {
            ranges = ranges.reassign(ranges.ranges().get(i).start(), owners.get(i));
        }
        return ranges;
    }
}
