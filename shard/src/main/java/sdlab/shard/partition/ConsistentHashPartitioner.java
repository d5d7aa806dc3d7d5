package sdlab.shard.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.core.StableHash;

/**
 * Consistent hashing (Karger et al. 1997) with a configurable number of tokens per shard, as Cassandra's
 * {@code num_tokens}: each shard sits at {@code tokensPerShard} points of a 64-bit ring, the hashes of
 * {@code "<shard>#<i>"}, and a key belongs to the first point at or after its hash, wrapping around. One token per
 * shard is the original scheme without virtual nodes: arcs of very unequal length, so unequal shares.
 *
 * <p>Adding a shard adds its points and changes nothing else, so only the keys just before the new points move, about
 * {@code K/N'} of them. Why not {@code kv.quorum.HashRing}: that ring walks preference lists for replication and hashes
 * keys with {@link StableHash} always, while a partitioner here takes its key hash as an input (a planted bug hashes
 * part of the key) and needs only the owner. Token positions always use {@link StableHash}: they are placement, not
 * keys.
 */
public final class ConsistentHashPartitioner implements Partitioner {
    private final List<NodeId> shards;
    private final int tokensPerShard;
    private final KeyHash hash;
    private final long tokenSeed;
    private final long[] positions;
    private final NodeId[] owners;

    private record Token(long position, NodeId owner) {}

    /** A ring whose token positions depend on the shards' names alone. */
    public ConsistentHashPartitioner(List<NodeId> shards, int tokensPerShard, KeyHash hash) {
        this(shards, tokensPerShard, hash, 0);
    }

    /**
     * A ring whose token positions also depend on {@code tokenSeed}: another cluster, other random tokens, as
     * Cassandra draws a new node's tokens at random when it bootstraps. Seed 0 gives the positions of the
     * three-argument constructor.
     */
    public ConsistentHashPartitioner(List<NodeId> shards, int tokensPerShard, KeyHash hash, long tokenSeed) {
        this.shards = Shards.sortedDistinct(shards);
        if (tokensPerShard < 1 || tokensPerShard > 4096) {
            throw new IllegalArgumentException("tokens per shard must be in [1, 4096], got " + tokensPerShard);
        }
        this.tokensPerShard = tokensPerShard;
        this.hash = Objects.requireNonNull(hash, "hash");
        this.tokenSeed = tokenSeed;
        String salt = tokenSeed == 0 ? "" : tokenSeed + "/";
        List<Token> tokens = new ArrayList<>();
        for (NodeId shard : this.shards) {
            for (int i = 0; i < tokensPerShard; i++) {
                tokens.add(new Token(StableHash.of(salt + shard.name() + "#" + i), shard));
            }
        }
        // Equal positions are astronomically rare; ordering them by shard keeps even that case deterministic.
        tokens.sort(Comparator.comparingLong(Token::position).thenComparing(Token::owner));
        this.positions = tokens.stream().mapToLong(Token::position).toArray();
        this.owners = tokens.stream().map(Token::owner).toArray(NodeId[]::new);
    }

    @Override
    public NodeId ownerOf(String key) {
        int index = Arrays.binarySearch(positions, hash.of(key));
        int slot = index >= 0 ? index : -index - 1;
        return owners[slot == positions.length ? 0 : slot];
    }

    @Override
    public List<NodeId> shards() {
        return shards;
    }

    @Override
    public List<NodeId> shardsForScan(String fromKey, String toKey) {
        return shards;
    }

    public int tokensPerShard() {
        return tokensPerShard;
    }

    /** What placed the tokens: 0 for the names alone. */
    public long tokenSeed() {
        return tokenSeed;
    }

    /** The same ring with these shards (their tokens added or removed; everyone else's points stay). */
    public ConsistentHashPartitioner withShards(List<NodeId> newShards) {
        return new ConsistentHashPartitioner(newShards, tokensPerShard, hash, tokenSeed);
    }

    /** Each shard's share of the ring: 1/N for a perfect spread; what virtual nodes even out. */
    public TreeMap<NodeId, Double> ringShares() {
        TreeMap<NodeId, Double> shares = new TreeMap<>();
        double ring = Math.pow(2, 64);
        for (int i = 0; i < positions.length; i++) {
            long previous = positions[(i - 1 + positions.length) % positions.length];
            // The arc (previous, current] belongs to the current token; unsigned arithmetic measures across the seam.
            long arc = positions[i] - previous;
            double width = positions.length == 1 ? ring : (arc >= 0 ? arc : arc + ring);
            shares.merge(owners[i], width / ring, Double::sum);
        }
        return shares;
    }

    @Override
    public String describe() {
        return "consistent hashing, " + shards.size() + " shards x " + tokensPerShard + " tokens";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsistentHashPartitioner that
                && shards.equals(that.shards)
                && tokensPerShard == that.tokensPerShard
                && tokenSeed == that.tokenSeed
                && hash.equals(that.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shards, tokensPerShard, hash, tokenSeed);
    }

    @Override
    public String toString() {
        return describe();
    }
}
