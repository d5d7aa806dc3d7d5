package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.Movement;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.SplitPolicy;
import sdlab.sim.OperationGenerator;

/**
 * Routers refresh their cached table when ranges split and move and when a shard joins under load: every read is
 * served by the key's owner, no acknowledged write is lost, and a router that keeps its stale table is caught.
 */
class RoutingRefreshTest {
    private static final List<NodeId> FOUR = StoreWorld.shards(4);
    private static final List<NodeId> FIVE = StoreWorld.shards(5);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    /** Each put writes a key of its own ("w{process}-{n}"), and reads ask for keys written earlier or never. */
    private static OperationGenerator writesAndReads() {
        Map<Integer, Integer> written = new TreeMap<>();
        return (process, random) -> {
            int n = written.merge(process, 1, Integer::sum);
            if (random.nextBoolean()) {
                return new OperationGenerator.Operation(ShardRouter.PUT, "w%02d-%06d".formatted(process, n), (long) n);
            }
            return new OperationGenerator.Operation(
                    ShardRouter.GET, "w%02d-%06d".formatted(process, random.nextInt(n)), null);
        };
    }

    /** Ranges start as one and split by size as writes arrive; halves move when they split for load. */
    private static StoreWorld.Seen splittingRun(long seed, RouterSettings.Bug bug) {
        PlacementSettings placement = new PlacementSettings(new SplitPolicy(400, 40), true, null, 0);
        return StoreWorld.run(
                seed,
                RangePartitioner.cutAt(List.of("w08", "w16", "w24"), FOUR),
                FOUR,
                new TreeMap<>(),
                placement,
                bug,
                writesAndReads(),
                8000,
                Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void routersFollowSplitsAndEveryRequestMeetsTheKeysOwner(long seed) {
        // Shows: ranges split several times while routers work with cached tables; stale requests are refused and
        // retried, none is served by a shard that does not own the key, and every acknowledged write is kept.
        StoreWorld.Seen seen = splittingRun(seed, RouterSettings.Bug.NONE);
        assertThat(seen.tables).hasSizeGreaterThan(3);
        assertThat(seen.rejected).isPositive();
        assertThat(seen.keysMoved).as("load splits move ranges").isPositive();
        assertThat(seen.servedNotOwned).isZero();
        assertAcknowledgedWritesKept(seen, FOUR);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRouterThatKeepsItsStaleTableIsCaughtReadingFromAShardThatNoLongerOwnsTheKey(long seed) {
        // Shows: the planted bug (take the shard's epoch, keep the old table) makes shards serve keys they gave away.
        StoreWorld.Seen seen = splittingRun(seed, RouterSettings.Bug.KEEP_STALE_TABLE);
        assertThat(seen.servedNotOwned).isPositive();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aShardJoiningUnderLoadTakesAboutItsShareAndLosesNoWrite(long seed) {
        // Shows: with consistent hashing (256 tokens), a fifth shard joins at 0.5 s while clients read and write:
        // the keys moved are within 25% of the minimum K/N', every acknowledged write is kept, and no request is
        // served by a shard that does not own its key.
        TreeMap<String, Long> preload = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            preload.put("p%06d".formatted(i), (long) i);
        }
        ConsistentHashPartitioner ring = new ConsistentHashPartitioner(FOUR, 256, KeyHash.stable());
        PlacementSettings placement = PlacementSettings.fixed()
                .withJoin(NodeId.of("s4"), Duration.ofMillis(500).toNanos());
        StoreWorld.Seen seen = StoreWorld.run(
                seed,
                ring,
                FIVE,
                preload,
                placement,
                RouterSettings.Bug.NONE,
                writesAndReads(),
                4000,
                Duration.ofSeconds(1));
        assertThat(seen.tables).hasSize(1);
        assertThat(seen.servedNotOwned).isZero();
        assertAcknowledgedWritesKept(seen, FIVE);
        Map<String, Long> all = seen.allData(FIVE);
        assertThat(seen.heldKeys(FIVE)).as("no key held twice").isEqualTo(all.size());
        double minimum = Movement.between(ring, seen.tables.getFirst().partitioner(), all.keySet())
                .minimum();
        assertThat(seen.keysMoved / minimum).isBetween(0.75, 1.25);
    }

    private static void assertAcknowledgedWritesKept(StoreWorld.Seen seen, List<NodeId> shards) {
        Map<String, Long> all = seen.allData(shards);
        Set<String> acknowledged = new TreeSet<>();
        for (Op op : seen.result.history().ops()) {
            if (op.type() == OpType.OK && op.f().equals(ShardRouter.PUT)) {
                acknowledged.add(op.key());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThan(1000);
        assertThat(all.keySet()).containsAll(acknowledged);
    }
}
