package sdlab.chapters.shard;

import java.util.SortedMap;
import java.util.SplittableRandom;
import sdlab.core.NodeId;

/**
 * Which related rows share a shard, read from where the shards actually held the keys: neighbouring keys (what
 * prefix and delta compression of sorted keys feed on, and what a range scan reads) and the two users of a follow
 * edge (a foreign-key reference between two rows of the graph).
 */
final class Colocation {
    private static final int EDGES = 4000;

    private Colocation() {}

    /** The share of neighbouring keys, in key order, held by the same shard. */
    static double neighboursTogether(SortedMap<String, NodeId> holder) {
        long pairs = 0;
        long together = 0;
        NodeId previous = null;
        for (NodeId shard : holder.values()) {
            if (previous != null) {
                pairs++;
                together += previous.equals(shard) ? 1 : 0;
            }
            previous = shard;
        }
        return pairs == 0 ? Double.NaN : (double) together / pairs;
    }

    /**
     * The share of follow edges, between two users drawn uniformly from the first {@code users} ids with the run's
     * seed, whose two ends live on one shard.
     */
    static double edgesWithinOneShard(SortedMap<String, NodeId> holder, int users, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long within = 0;
        long counted = 0;
        for (int i = 0; i < EDGES; i++) {
            NodeId follower = holder.get(UserKeys.of(random.nextInt(users)));
            NodeId followed = holder.get(UserKeys.of(random.nextInt(users)));
            if (follower != null && followed != null) {
                counted++;
                within += follower.equals(followed) ? 1 : 0;
            }
        }
        return counted == 0 ? Double.NaN : (double) within / counted;
    }
}
