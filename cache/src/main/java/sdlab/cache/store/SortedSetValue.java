package sdlab.cache.store;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A sorted set as Redis keeps one ({@code OBJ_ENCODING_SKIPLIST}): a hash map from member to
 * its node, for O(1) ZSCORE and membership, and a {@link SkipList} ordered by (score, member
 * bytes), for O(log n) rank and range queries. Both hold the same members at all times.
 *
 * <p>Scores are never NaN: the commands refuse NaN before it reaches the set.
 */
public final class SortedSetValue implements Value {
    private final Map<Key, SortedSetNode> nodes = new HashMap<>();
    private final SkipList list;
    private long memberBytes;

    /** @param random draws skiplist levels (the engine's generator, so runs replay from a seed) */
    public SortedSetValue(RandomGenerator random) {
        this.list = new SkipList(random);
    }

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public long sizeBytes() {
        return MemoryAccounting.MAP_OBJECT_BYTES + MemoryAccounting.SKIPLIST_OBJECT_BYTES + memberBytes;
    }

    public int size() {
        return nodes.size();
    }

    /** The score of {@code member}, or null if it is not in the set. */
    public Double score(Key member) {
        SortedSetNode node = nodes.get(member);
        return node == null ? null : node.score;
    }

    /** Sets the score of {@code member}, adding it if new; returns true if it was added. */
    public boolean put(Key member, double score) {
        assert !Double.isNaN(score) : "NaN score";
        SortedSetNode node = nodes.get(member);
        if (node != null) {
            if (node.score != score) {
                list.updateScore(node, score);
            }
            return false;
        }
        node = list.insert(score, member);
        nodes.put(member, node);
        memberBytes += MemoryAccounting.zsetMemberBytes(member.length(), node.forward.length);
        return true;
    }

    /** Removes {@code member}; returns true if it was there. */
    public boolean remove(Key member) {
        SortedSetNode node = nodes.remove(member);
        if (node == null) {
            return false;
        }
        list.delete(node.score, node.member);
        memberBytes -= MemoryAccounting.zsetMemberBytes(member.length(), node.forward.length);
        return true;
    }

    /** The 0-based rank of {@code member} in ascending order, or -1 if it is not in the set. */
    public long rank(Key member) {
        SortedSetNode node = nodes.get(member);
        return node == null ? -1 : list.rank(node.score, node.member) - 1;
    }

    /** The 0-based rank of a node of this set. */
    public long rankOf(SortedSetNode node) {
        return list.rank(node.score, node.member) - 1;
    }

    /** The node at 0-based {@code rank}, or null if out of range. */
    public SortedSetNode byRank(long rank) {
        return rank < 0 || rank >= size() ? null : list.byRank(rank + 1);
    }

    /** The lowest member, or null if empty. */
    public SortedSetNode first() {
        return list.first();
    }

    /** The highest member, or null if empty. */
    public SortedSetNode last() {
        return list.last();
    }

    public SortedSetNode firstIn(ScoreRange range) {
        return list.firstIn(range);
    }

    public SortedSetNode lastIn(ScoreRange range) {
        return list.lastIn(range);
    }

    public SortedSetNode firstIn(LexRange range) {
        return list.firstIn(range);
    }

    public SortedSetNode lastIn(LexRange range) {
        return list.lastIn(range);
    }

    /** Members in both structures and skiplist length agree (for tests and assertions). */
    boolean consistent() {
        return nodes.size() == list.length();
    }
}
