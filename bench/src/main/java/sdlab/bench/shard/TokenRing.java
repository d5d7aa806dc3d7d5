package sdlab.bench.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;

/**
 * One random token placement: {@code nodes} nodes with {@code tokens} tokens each on the shard module's ring, placed
 * by {@code tokenSeed} as Cassandra before 3.0 placed a bootstrapping node's tokens (uniformly at random), and the same
 * ring after one more node joins with its own random tokens.
 *
 * @param before the ring of {@code nodes} nodes
 * @param after the ring with the joiner added; everyone else's tokens unchanged
 * @param joiner the node that joins
 */
public record TokenRing(ConsistentHashPartitioner before, ConsistentHashPartitioner after, NodeId joiner) {
    /** The ring for this placement. */
    public static TokenRing place(int nodes, int tokens, long tokenSeed) {
        if (nodes < 1) {
            throw new IllegalArgumentException("a ring needs a node, got " + nodes);
        }
        List<NodeId> names = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            names.add(name(i));
        }
        // Seed 0 means "positions from the names alone" in the partitioner; shift so every seed here is random.
        var before = new ConsistentHashPartitioner(names, tokens, KeyHash.stable(), tokenSeed + 1);
        NodeId joiner = name(nodes);
        List<NodeId> grown = new ArrayList<>(names);
        grown.add(joiner);
        return new TokenRing(before, before.withShards(grown), joiner);
    }

    private static NodeId name(int index) {
        return NodeId.of(String.format("n%03d", index));
    }

    /** The most loaded node's share of the ring over the mean share (1 is perfect): exact, from the arcs. */
    public double maxOverMean() {
        Map<NodeId, Double> shares = before.ringShares();
        double max =
                shares.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max * shares.size();
    }

    /** The standard deviation of the nodes' shares over the mean share: what virtual nodes shrink. */
    public double shareSdOverMean() {
        Map<NodeId, Double> shares = before.ringShares();
        double mean = 1.0 / shares.size();
        double sumSquares = 0;
        for (double share : shares.values()) {
            sumSquares += (share - mean) * (share - mean);
        }
        return Math.sqrt(sumSquares / shares.size()) / mean;
    }

    /**
     * The share of keys that change owner when the joiner arrives, exact: with consistent hashing a key moves only to
     * the joiner, so it is the joiner's share of the grown ring.
     */
    public double movedOnJoin() {
        return after.ringShares().get(joiner);
    }

    /** The least a join can move: the joiner's fair share, {@code 1/(n+1)}. */
    public double idealMove() {
        return 1.0 / after.shards().size();
    }

    /**
     * Routes {@code keys} uniform random keys through both rings and counts them: the check that the exact shares
     * are what routing does.
     */
    public Sampled sample(int keys, long keySeed) {
        Map<NodeId, Double> shares = before.ringShares();
        List<NodeId> nodes = before.shards();
        long[] counts = new long[nodes.size()];
        long moved = 0;
        SplittableRandom random = new SplittableRandom(keySeed);
        for (int i = 0; i < keys; i++) {
            String key = "key:" + Long.toHexString(random.nextLong());
            NodeId owner = before.ownerOf(key);
            counts[nodes.indexOf(owner)]++;
            if (!owner.equals(after.ownerOf(key))) {
                moved++;
            }
        }
        double worstZ = 0;
        for (int i = 0; i < counts.length; i++) {
            worstZ = Math.max(worstZ, Math.abs(zScore(counts[i], keys, shares.get(nodes.get(i)))));
        }
        double movedShare = (double) moved / keys;
        return new Sampled(keys, worstZ, movedShare, zScore(moved, keys, movedOnJoin()));
    }

    /** How many binomial standard deviations {@code count} of {@code keys} lies from its expectation. */
    private static double zScore(long count, int keys, double share) {
        double sd = Math.sqrt(keys * share * (1 - share));
        return sd == 0 ? 0 : (count - keys * share) / sd;
    }

    /**
     * What routing sampled keys gave.
     *
     * @param keys how many keys were routed
     * @param worstShareZ the largest gap between a node's count and its exact share, in binomial standard deviations
     * @param movedShare the share of the keys whose owner changed on the join
     * @param movedZ that share's gap from the exact {@link #movedOnJoin()}, in standard deviations
     */
    public record Sampled(int keys, double worstShareZ, double movedShare, double movedZ) {}
}
