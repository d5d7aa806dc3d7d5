package sdlab.cache.store;

/**
 * One member of a sorted set as its skiplist holds it. Commands walk ranges with
 * {@link #next} and {@link #previous}; only the {@link SortedSetValue} changes nodes.
 */
public final class SortedSetNode {
    final Key member;
    double score;
    final SortedSetNode[] forward;
    final int[] span;
    SortedSetNode backward;

    SortedSetNode(Key member, double score, int level) {
        this.member = member;
        this.score = score;
        this.forward = new SortedSetNode[level];
        this.span = new int[level];
    }

    public Key member() {
        return member;
    }

    public double score() {
        return score;
    }

    /** The next member in (score, member) order, or null after the last. */
    public SortedSetNode next() {
        return forward[0];
    }

    /** The previous member, or null before the first. */
    public SortedSetNode previous() {
        return backward;
    }

    /** Whether this node sorts before ({@code score}, {@code other}). */
    boolean before(double otherScore, Key other) {
        return score < otherScore || (score == otherScore && member.compareTo(other) < 0);
    }

    /** Whether this node sorts after ({@code score}, {@code other}). */
    boolean after(double otherScore, Key other) {
        return score > otherScore || (score == otherScore && member.compareTo(other) > 0);
    }
}
