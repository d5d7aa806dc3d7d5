package sdlab.shard.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * The partitioner after a shard joins or leaves. Hash partitioners follow from their definition: modulo N' rehashes,
 * consistent hashing adds or drops the shard's tokens. Range partitioning moves whole ranges, as CockroachDB's and
 * HBase's balancers do: a new shard takes ranges from the shards holding the most keys until it holds about
 * {@code K/N'}; a leaving shard's ranges go one by one to whoever then holds the fewest keys.
 */
public final class Rebalancer {
    private Rebalancer() {}

    /**
     * {@code current} with {@code shard} added.
     *
     * @param keysByRangeStart for range partitioning, how many keys each range holds (by its start key); ignored by
     *     hash partitioners
     */
    public static Partitioner withShardAdded(Partitioner current, NodeId shard, Map<String, Long> keysByRangeStart) {
        if (current.shards().contains(shard)) {
            throw new IllegalArgumentException(shard + " is already a shard");
        }
        List<NodeId> shards = new ArrayList<>(current.shards());
        shards.add(shard);
        return switch (current) {
            case ModuloPartitioner modulo -> modulo.withShards(shards);
            case ConsistentHashPartitioner ring -> ring.withShards(shards);
            case RangePartitioner ranges -> takeRanges(ranges, shard, keysByRangeStart);
        };
    }

    /** {@code current} with {@code shard} removed; its keys go to the others. */
    public static Partitioner withShardRemoved(Partitioner current, NodeId shard, Map<String, Long> keysByRangeStart) {
        List<NodeId> shards = new ArrayList<>(current.shards());
        if (!shards.remove(shard) || shards.isEmpty()) {
            throw new IllegalArgumentException("cannot remove " + shard + " from " + current.shards());
        }
        return switch (current) {
            case ModuloPartitioner modulo -> modulo.withShards(shards);
            case ConsistentHashPartitioner ring -> ring.withShards(shards);
            case RangePartitioner ranges -> giveRangesAway(ranges, shard, keysByRangeStart);
        };
    }

    private static RangePartitioner takeRanges(RangePartitioner ranges, NodeId joiner, Map<String, Long> keys) {
        Map<NodeId, Long> held = keysByShard(ranges, keys);
        long total = held.values().stream().mapToLong(Long::longValue).sum();
        long target = total / (held.size() + 1);
        long taken = 0;
        RangePartitioner next = ranges;
        // Each round moves one range, so the loop ends after at most as many rounds as there are ranges.
        for (int round = 0; round < ranges.ranges().size(); round++) {
            NodeId donor = fullest(held);
            KeyRange pick = largestFitting(next, donor, keys, target - taken);
            if (pick == null) {
                break;
            }
            long size = keys.getOrDefault(pick.start(), 0L);
            next = next.reassign(pick.start(), joiner);
            held.merge(donor, -size, Long::sum);
            taken += size;
        }
        return next;
    }

    /** The donor's largest range of at most {@code room} keys, keeping at least one range on the donor. */
    private static KeyRange largestFitting(RangePartitioner ranges, NodeId donor, Map<String, Long> keys, long room) {
        List<KeyRange> own =
                ranges.ranges().stream().filter(r -> r.owner().equals(donor)).toList();
        if (own.size() < 2) {
            return null;
        }
        return own.stream()
                .filter(r -> keys.getOrDefault(r.start(), 0L) <= room && keys.getOrDefault(r.start(), 0L) > 0)
                .max(Comparator.comparingLong((KeyRange r) -> keys.getOrDefault(r.start(), 0L)))
                .orElse(null);
    }

    private static RangePartitioner giveRangesAway(RangePartitioner ranges, NodeId leaver, Map<String, Long> keys) {
        Map<NodeId, Long> held = keysByShard(ranges, keys);
        held.remove(leaver);
        RangePartitioner next = ranges;
        for (KeyRange range : ranges.ranges()) {
            if (range.owner().equals(leaver)) {
                NodeId emptiest = held.entrySet().stream()
                        .min(Map.Entry.<NodeId, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .orElseThrow()
                        .getKey();
                next = next.reassign(range.start(), emptiest);
                held.merge(emptiest, keys.getOrDefault(range.start(), 0L), Long::sum);
            }
        }
        return next;
    }

    private static Map<NodeId, Long> keysByShard(RangePartitioner ranges, Map<String, Long> keys) {
        Map<NodeId, Long> held = new TreeMap<>();
        for (KeyRange range : ranges.ranges()) {
            held.merge(range.owner(), keys.getOrDefault(range.start(), 0L), Long::sum);
        }
        return held;
    }

    private static NodeId fullest(Map<NodeId, Long> held) {
        return held.entrySet().stream()
                .max(Map.Entry.<NodeId, Long>comparingByValue()
                        .thenComparing(Map.Entry.<NodeId, Long>comparingByKey().reversed()))
                .orElseThrow()
                .getKey();
    }
}
