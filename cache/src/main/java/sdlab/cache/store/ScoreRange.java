package sdlab.cache.store;

/**
 * A score interval as ZRANGEBYSCORE and ZCOUNT take it: each end inclusive or exclusive
 * ({@code (1.5}), and {@code -inf} / {@code +inf} for no bound.
 */
public record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) {

    /** Whether no score can be in the range (Redis's zslIsInRange test on the bounds alone). */
    public boolean isEmpty() {
        return min > max || (min == max && (minExclusive || maxExclusive));
    }

    public boolean aboveMin(double score) {
        return minExclusive ? score > min : score >= min;
    }

    public boolean belowMax(double score) {
        return maxExclusive ? score < max : score <= max;
    }

    public boolean contains(double score) {
        return aboveMin(score) && belowMax(score);
    }
}
