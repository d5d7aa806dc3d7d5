package sdlab.check.linear;

/**
 * What one operation does to a model's state, compiled once per operation so that the search
 * steps on plain longs.
 */
public interface Transition {
    /** The result of {@link #apply} when the operation cannot take effect in that state. */
    long NONE = Long.MIN_VALUE;

    /** The state after the operation, or {@link #NONE} if it cannot happen in {@code state}. */
    long apply(long state);

    /**
     * True if the operation never changes the state when it can happen (a read). The search
     * then places it as soon as it can and never tries to delay it: delaying a read cannot help
     * any later operation.
     */
    default boolean readOnly() {
        return false;
    }
}
