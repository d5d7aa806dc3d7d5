package sdlab.cache.store;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Redis's {@code zskiplist} (Pugh, "Skip Lists: A Probabilistic Alternative to Balanced Trees",
 * 1990, with Redis's span counts): members ordered by score, then by member bytes, with
 * O(log n) insert, delete, rank and range start.
 *
 * <p>Every forward link carries a span, the number of level-0 steps it jumps, so that walking
 * down from the header and summing spans gives a node's rank, and a rank gives its node. Node
 * levels come from the engine's injected generator (a quarter of the nodes reach each next
 * level), so a run replays exactly from its seed and clients cannot choose members that
 * degrade the list.
 */
final class SkipList {
    /** Enough levels for 4^32 members: Redis's ZSKIPLIST_MAXLEVEL. */
    static final int LEVEL_MAX = 32;
    /** One node in this many rises to the next level: Redis's ZSKIPLIST_P of 0.25. */
    private static final int PROMOTE_ONE_IN = 4;

    private final RandomGenerator random;
    private final SortedSetNode header = new SortedSetNode(null, 0, LEVEL_MAX);
    private SortedSetNode tail;
    private int length;
    private int level = 1;

    SkipList(RandomGenerator random) {
        this.random = random;
    }

    int length() {
        return length;
    }

    SortedSetNode first() {
        return header.forward[0];
    }

    SortedSetNode last() {
        return tail;
    }

    /** Inserts a new node for a member that is not in the list; returns it. */
    SortedSetNode insert(double score, Key member) {
        return link(new SortedSetNode(member, score, randomLevel()));
    }

    /** Removes the node of {@code member} with {@code score}; returns it, or null if absent. */
    SortedSetNode delete(double score, Key member) {
        SortedSetNode[] update = new SortedSetNode[LEVEL_MAX];
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && x.forward[i].before(score, member)) {
                x = x.forward[i];
            }
            update[i] = x;
        }
        x = x.forward[0];
        if (x == null || x.score != score || !x.member.equals(member)) {
            return null;
        }
        unlink(x, update);
        return x;
    }

    /**
     * Moves {@code node} to {@code newScore}: in place when its neighbours stay in order (as
     * Redis's zslUpdateScore does, the common case for small increments), else unlinked and
     * relinked with its level kept, so that memory stays as counted.
     */
    void updateScore(SortedSetNode node, double newScore) {
        SortedSetNode previous = node.backward;
        SortedSetNode next = node.forward[0];
        if ((previous == null || previous.score < newScore) && (next == null || next.score > newScore)) {
            node.score = newScore;
            return;
        }
        SortedSetNode removed = delete(node.score, node.member);
        assert removed == node : "updating a node that is not in the list";
        Arrays.fill(node.forward, null);
        node.score = newScore;
        link(node);
    }

    /** The 1-based rank of {@code member} with {@code score}, or 0 if absent. */
    long rank(double score, Key member) {
        long rank = 0;
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !x.forward[i].after(score, member)) {
                rank += x.span[i];
                x = x.forward[i];
            }
            if (x.member != null && x.member.equals(member)) {
                return rank;
            }
        }
        return 0;
    }

    /** The node at 1-based {@code rank}, or null if out of range. */
    SortedSetNode byRank(long rank) {
        long traversed = 0;
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && traversed + x.span[i] <= rank) {
                traversed += x.span[i];
                x = x.forward[i];
            }
            if (traversed == rank) {
                return x == header ? null : x;
            }
        }
        return null;
    }

    /** The first node whose score is in {@code range}, or null. */
    SortedSetNode firstIn(ScoreRange range) {
        if (!overlaps(range)) {
            return null;
        }
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !range.aboveMin(x.forward[i].score)) {
                x = x.forward[i];
            }
        }
        x = x.forward[0];
        return x != null && range.belowMax(x.score) ? x : null;
    }

    /** The last node whose score is in {@code range}, or null. */
    SortedSetNode lastIn(ScoreRange range) {
        if (!overlaps(range)) {
            return null;
        }
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && range.belowMax(x.forward[i].score)) {
                x = x.forward[i];
            }
        }
        return x != header && range.aboveMin(x.score) ? x : null;
    }

    /** The first node whose member is in {@code range}, or null. */
    SortedSetNode firstIn(LexRange range) {
        if (range.isEmpty() || length == 0) {
            return null;
        }
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && !range.aboveMin(x.forward[i].member.bytes())) {
                x = x.forward[i];
            }
        }
        x = x.forward[0];
        return x != null && range.belowMax(x.member.bytes()) ? x : null;
    }

    /** The last node whose member is in {@code range}, or null. */
    SortedSetNode lastIn(LexRange range) {
        if (range.isEmpty() || length == 0) {
            return null;
        }
        SortedSetNode x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward[i] != null && range.belowMax(x.forward[i].member.bytes())) {
                x = x.forward[i];
            }
        }
        return x != header && range.aboveMin(x.member.bytes()) ? x : null;
    }

    private boolean overlaps(ScoreRange range) {
        return !range.isEmpty()
                && tail != null
                && range.aboveMin(tail.score)
                && range.belowMax(header.forward[0].score);
    }

    private int randomLevel() {
        int drawn = 1;
        while (drawn < LEVEL_MAX && random.nextInt(PROMOTE_ONE_IN) == 0) {
            drawn++;
        }
        return drawn;
    }

    private SortedSetNode link(SortedSetNode x) {
        SortedSetNode[] update = new SortedSetNode[LEVEL_MAX];
        long[] rank = new long[LEVEL_MAX];
        SortedSetNode cursor = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (cursor.forward[i] != null && cursor.forward[i].before(x.score, x.member)) {
                rank[i] += cursor.span[i];
                cursor = cursor.forward[i];
            }
            update[i] = cursor;
        }
        int nodeLevel = x.forward.length;
        if (nodeLevel > level) {
            for (int i = level; i < nodeLevel; i++) {
                rank[i] = 0;
                update[i] = header;
                header.span[i] = length;
            }
            level = nodeLevel;
        }
        for (int i = 0; i < nodeLevel; i++) {
            x.forward[i] = update[i].forward[i];
            update[i].forward[i] = x;
            x.span[i] = (int) (update[i].span[i] - (rank[0] - rank[i]));
            update[i].span[i] = (int) (rank[0] - rank[i]) + 1;
        }
        for (int i = nodeLevel; i < level; i++) {
            update[i].span[i]++;
        }
        x.backward = update[0] == header ? null : update[0];
        if (x.forward[0] != null) {
            x.forward[0].backward = x;
        } else {
            tail = x;
        }
        length++;
        return x;
    }

    private void unlink(SortedSetNode x, SortedSetNode[] update) {
        for (int i = 0; i < level; i++) {
            if (update[i].forward[i] == x) {
                update[i].span[i] += x.span[i] - 1;
                update[i].forward[i] = x.forward[i];
            } else {
                update[i].span[i]--;
            }
        }
        if (x.forward[0] != null) {
            x.forward[0].backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.forward[level - 1] == null) {
            level--;
        }
        length--;
    }
}
