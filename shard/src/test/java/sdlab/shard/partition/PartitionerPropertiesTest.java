package sdlab.shard.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;

/** The partitioners' properties over random key sets, one key set per seed. */
class PartitionerPropertiesTest {
    private static final int KEYS = 20_000;
    private static final List<NodeId> FOUR = shards(4);
    private static final NodeId JOINER = NodeId.of("s4");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    static List<NodeId> shards(int n) {
        return IntStream.range(0, n).mapToObj(i -> NodeId.of("s" + i)).toList();
    }

    static List<String> randomKeys(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add("user%09d".formatted(random.nextInt(1_000_000_000)));
        }
        return keys;
    }

    /** The most keys any shard owns over the mean. */
    static double maxOverMean(Partitioner partitioner, List<String> keys) {
        Map<NodeId, Integer> counts = new TreeMap<>();
        partitioner.shards().forEach(s -> counts.put(s, 0));
        keys.forEach(key -> counts.merge(partitioner.ownerOf(key), 1, Integer::sum));
        double mean = (double) keys.size() / counts.size();
        return counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow() / mean;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hashModuloAndManyTokensSpreadKeysEvenly(long seed) {
        // Shows: a good hash spreads random keys within a few percent; 256 tokens per shard within a few tens.
        List<String> keys = randomKeys(seed);
        assertThat(maxOverMean(new ModuloPartitioner(FOUR, KeyHash.stable()), keys))
                .isLessThan(1.05);
        assertThat(maxOverMean(new ConsistentHashPartitioner(FOUR, 256, KeyHash.stable()), keys))
                .isLessThan(1.25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aHashThatIgnoresPartOfTheKeyBreaksTheBalance(long seed) {
        // Shows: the balance check catches a hash of the key's first four characters ("user", the same for every key),
        // the planted bug.
        List<String> keys = randomKeys(seed);
        KeyHash prefixOnly = key -> KeyHash.stable().of(key.substring(0, Math.min(4, key.length())));
        assertThat(maxOverMean(new ModuloPartitioner(FOUR, prefixOnly), keys)).isGreaterThan(1.5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void consistentHashingMovesOnlyKeysToTheJoinerAndAboutTheMinimum(long seed) {
        // Shows: a join moves keys only to the new shard, about K/N' of them (256 tokens), while modulo moves most.
        List<String> keys = randomKeys(seed);
        ConsistentHashPartitioner before = new ConsistentHashPartitioner(FOUR, 256, KeyHash.stable());
        Partitioner after = Rebalancer.withShardAdded(before, JOINER, Map.of());
        for (String key : keys) {
            NodeId owner = after.ownerOf(key);
            assertThat(owner).isIn(before.ownerOf(key), JOINER);
        }
        assertThat(Movement.between(before, after, keys).overMinimum()).isBetween(0.75, 1.25);

        ModuloPartitioner modulo = new ModuloPartitioner(FOUR, KeyHash.stable());
        Movement rehash = Movement.between(modulo, Rebalancer.withShardAdded(modulo, JOINER, Map.of()), keys);
        assertThat((double) rehash.moved() / rehash.keys()).isGreaterThan(0.75);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void oneTokenPerShardSpreadsTheRingUnevenlyAndManyTokensEvenIt(long seed) {
        // Shows: the ring shares with one token per shard are far from 1/N; 256 tokens bring them close. The shard
        // names vary with the seed so that each seed is another ring.
        List<NodeId> named = IntStream.range(0, 8)
                .mapToObj(i -> NodeId.of("n" + seed + "-" + i))
                .toList();
        double one = maxShare(new ConsistentHashPartitioner(named, 1, KeyHash.stable()));
        double many = maxShare(new ConsistentHashPartitioner(named, 256, KeyHash.stable()));
        assertThat(many).isLessThan(one);
        assertThat(many * 8).isLessThan(1.3);
    }

    private static double maxShare(ConsistentHashPartitioner ring) {
        assertThat(ring.ringShares().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        return ring.ringShares().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rangeSplitsKeepKeyOrderAndChangeNoOwner(long seed) {
        // Shows: splitting at random keys keeps every key with its owner, and ranges stay in key order.
        List<String> keys = randomKeys(seed);
        RangePartitioner ranges = RangePartitioner.cutAt(List.of("user3", "user6"), FOUR);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String at = keys.get(random.nextInt(keys.size()));
            if (ranges.rangeOf(at).start().equals(at)) {
                continue;
            }
            RangePartitioner split = ranges.split(at);
            for (String key : keys) {
                assertThat(split.ownerOf(key)).isEqualTo(ranges.ownerOf(key));
            }
            ranges = split;
        }
        List<String> sorted = keys.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(ranges.rangeOf(sorted.get(i - 1)).start())
                    .isLessThanOrEqualTo(ranges.rangeOf(sorted.get(i)).start());
        }
        RangePartitioner merged = ranges;
        while (merged.ranges().size() > 3) {
            KeyRange second = merged.ranges().get(1);
            merged = merged.merge(merged.ranges().getFirst().start()).reassign("", FOUR.getFirst());
            assertThat(merged.rangeOf(second.start()).start()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aJoiningShardTakesWholeRangesUpToItsShare(long seed) {
        // Shows: range rebalancing moves whole ranges, only to the joiner, no more than K/N' keys.
        List<String> keys = randomKeys(seed).stream().sorted().toList();
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < 32; i++) {
            cuts.add(keys.get(i * keys.size() / 32));
        }
        RangePartitioner before =
                RangePartitioner.cutAt(cuts.stream().distinct().toList(), FOUR);
        Map<String, Long> perRange = new TreeMap<>();
        keys.forEach(key -> perRange.merge(before.rangeOf(key).start(), 1L, Long::sum));
        Partitioner after = Rebalancer.withShardAdded(before, JOINER, perRange);
        Movement moved = Movement.between(before, after, keys);
        for (String key : keys) {
            assertThat(after.ownerOf(key)).isIn(before.ownerOf(key), JOINER);
        }
        assertThat(moved.overMinimum()).isBetween(0.7, 1.0);
        assertThat(after.shards()).contains(JOINER);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRangeScanAsksOnlyTheCoveringRangesAndHashAsksEveryShard(long seed) {
        // Shows: the scan fan-out: one or two shards for a short range scan, all of them for hash partitioning.
        List<String> keys = randomKeys(seed).stream().sorted().toList();
        RangePartitioner ranges =
                RangePartitioner.cutAt(List.of(keys.get(5000), keys.get(10_000), keys.get(15_000)), FOUR);
        String from = keys.get(7000);
        String to = keys.get(7100);
        assertThat(ranges.shardsForScan(from, to)).containsExactly(ranges.ownerOf(from));
        assertThat(ranges.shardsForScan(keys.get(4990), keys.get(5010))).hasSize(2);
        assertThat(new ModuloPartitioner(FOUR, KeyHash.stable()).shardsForScan(from, to))
                .hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aLeavingShardsKeysAndOnlyThoseMove(long seed) {
        // Shows: when s3 leaves, consistent hashing and ranges move exactly the keys s3 owned, to the others; modulo
        // moves far more.
        List<String> keys = randomKeys(seed).stream().sorted().toList();
        NodeId leaver = FOUR.getLast();
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < 16; i++) {
            cuts.add(keys.get(i * keys.size() / 16));
        }
        RangePartitioner ranges = RangePartitioner.cutAt(cuts, FOUR);
        Map<String, Long> perRange = new TreeMap<>();
        keys.forEach(key -> perRange.merge(ranges.rangeOf(key).start(), 1L, Long::sum));
        for (Partitioner before : List.of(new ConsistentHashPartitioner(FOUR, 64, KeyHash.stable(), seed), ranges)) {
            Partitioner after = Rebalancer.withShardRemoved(before, leaver, perRange);
            assertThat(after.shards()).doesNotContain(leaver);
            for (String key : keys) {
                boolean wasLeavers = before.ownerOf(key).equals(leaver);
                assertThat(after.ownerOf(key).equals(before.ownerOf(key))).isEqualTo(!wasLeavers);
            }
        }
        ModuloPartitioner modulo = new ModuloPartitioner(FOUR, KeyHash.stable());
        Movement rehash = Movement.between(modulo, Rebalancer.withShardRemoved(modulo, leaver, Map.of()), keys);
        assertThat((double) rehash.moved() / rehash.keys()).isGreaterThan(0.5);
    }
}
