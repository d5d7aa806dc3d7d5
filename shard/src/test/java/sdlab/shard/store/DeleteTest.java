package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.sim.OperationGenerator;

/**
 * Deletes go to the key's owner like puts, through a join: after the run, a key whose last acknowledged operation was
 * a delete is held by no shard, and one whose last was a put holds its value. A router that keeps its stale table
 * deletes moved keys at their old owner, and the same check finds them still held.
 */
class DeleteTest {
    private static final List<NodeId> FOUR = StoreWorld.shards(4);
    private static final List<NodeId> FIVE = StoreWorld.shards(5);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 3);
    }

    /**
     * Each process works on 40 keys of its own ("d{process}-{n}"): it puts, deletes or reads one at random, so a key
     * is put and deleted many times over, and a delete often finds nothing to remove.
     */
    private static OperationGenerator putsDeletesAndReads() {
        return (process, random) -> {
            String key = "d%02d-%02d".formatted(process, random.nextInt(40));
            return switch (random.nextInt(3)) {
                case 0 -> new OperationGenerator.Operation(ShardRouter.PUT, key, (long) random.nextInt(1_000));
                case 1 -> new OperationGenerator.Operation(ShardRouter.DEL, key, null);
                default -> new OperationGenerator.Operation(ShardRouter.GET, key, null);
            };
        };
    }

    /** Four shards on a ring with 20,000 other keys; the fifth joins at 0.5 s. */
    private static StoreWorld.Seen joinUnderDeletes(long seed, RouterSettings.Bug bug) {
        TreeMap<String, Long> preload = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            preload.put("p%06d".formatted(i), (long) i);
        }
        return StoreWorld.run(
                seed,
                new ConsistentHashPartitioner(FOUR, 256, KeyHash.stable()),
                FIVE,
                preload,
                PlacementSettings.fixed()
                        .withJoin(NodeId.of("s4"), Duration.ofMillis(500).toNanos()),
                bug,
                putsDeletesAndReads(),
                4000,
                Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void afterAJoinEveryKeyIsAsItsLastAcknowledgedPutOrDeleteLeftIt(long seed) {
        StoreWorld.Seen seen = joinUnderDeletes(seed, RouterSettings.Bug.NONE);

        Map<String, Long> all = seen.allData(FIVE);
        System.out.printf(
                "deletes, seed %d: %d deletes acknowledged, %d found their key; %d keys wrong%n",
                seed,
                deletes(seen),
                deletesThatRemoved(seen),
                wrongKeys(seen, all).size());
        assertThat(seen.tables).as("the join came in force").hasSize(1);
        assertThat(deletesThatRemoved(seen)).as("deletes that found their key").isGreaterThan(100);
        assertThat(wrongKeys(seen, all)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRouterThatKeepsItsStaleTableLeavesDeletedKeysBehindAtTheirNewOwner(long seed) {
        StoreWorld.Seen seen = joinUnderDeletes(seed, RouterSettings.Bug.KEEP_STALE_TABLE);

        List<String> wrong = wrongKeys(seen, seen.allData(FIVE));
        System.out.printf(
                "deletes, planted bug, seed %d: %d keys wrong, e.g. %s%n",
                seed, wrong.size(), wrong.stream().limit(2).toList());
        assertThat(wrong).isNotEmpty();
    }

    @Test
    void aDurableShardReplaysADeleteAfterACrash() {
        // Shows: a delete in the log removes its key again on replay, the log's bytes decoded first, so a shard
        // restarted from its data directory does not bring a deleted key back.
        NodeId self = FOUR.getFirst();
        List<ShardLogRecord> log = List.of(
                new ShardLogRecord.Begin(RoutingTable.first(new ConsistentHashPartitioner(FOUR, 8, KeyHash.stable()))),
                new ShardLogRecord.Put("kept", 1),
                new ShardLogRecord.Put("gone", 2),
                new ShardLogRecord.Delete("gone"),
                new ShardLogRecord.Delete("never-there"));
        List<ShardLogRecord> decoded =
                ShardLogCodec.decode(ShardLogCodec.encodeAll(log)).records();
        TreeMap<String, Long> data = new TreeMap<>();

        ShardLogReplay.replay(decoded, self, data, new TableChange(StoreWorld.SHARD));

        assertThat(data).containsExactly(Map.entry("kept", 1L));
    }

    @Test
    void theSameSeedReplaysTheSameTraceWithDeletes() {
        long first = joinUnderDeletes(7, RouterSettings.Bug.NONE).result.traceHash();

        assertThat(joinUnderDeletes(7, RouterSettings.Bug.NONE).result.traceHash())
                .isEqualTo(first)
                .isNotEqualTo(
                        joinUnderDeletes(8, RouterSettings.Bug.NONE).result.traceHash());
    }

    /**
     * Keys the shards hold otherwise than their last acknowledged put or delete left them. A key with an operation
     * whose outcome is unknown or failed is left out: it may or may not have been applied.
     */
    private static List<String> wrongKeys(StoreWorld.Seen seen, Map<String, Long> all) {
        Map<String, Op> last = new HashMap<>();
        Set<String> uncertain = new HashSet<>();
        for (Op op : seen.result.history().ops()) {
            if (op.key() == null || !op.key().startsWith("d") || op.f().equals(ShardRouter.GET)) {
                continue;
            }
            switch (op.type()) {
                case OK -> last.put(op.key(), op);
                case FAIL, INFO -> uncertain.add(op.key());
                default -> {}
            }
        }
        List<String> wrong = new ArrayList<>();
        last.forEach((key, op) -> {
            Long expected = op.f().equals(ShardRouter.DEL) ? null : (Long) op.value();
            if (!uncertain.contains(key) && !java.util.Objects.equals(all.get(key), expected)) {
                wrong.add(key + ": last acknowledged " + op.f() + " " + op.value() + ", held " + all.get(key));
            }
        });
        wrong.sort(null);
        return wrong;
    }

    private static long deletes(StoreWorld.Seen seen) {
        return seen.result.history().ops().stream()
                .filter(op -> op.type() == OpType.OK && op.f().equals(ShardRouter.DEL))
                .count();
    }

    private static long deletesThatRemoved(StoreWorld.Seen seen) {
        return seen.result.history().ops().stream()
                .filter(op -> op.type() == OpType.OK && op.f().equals(ShardRouter.DEL))
                .filter(op -> Long.valueOf(1).equals(op.value()))
                .count();
    }
}
