package sdlab.kv.quorum;

/**
 * The version attached to every stored value, deciding which of two copies is newer.
 *
 * <p>Sealed so that every place that compares versions is an exhaustive switch: today the only
 * kind is {@link LwwTimestamp}, which orders all versions totally; vector clocks, which can
 * also say "concurrent" and keep siblings, can be added as a second kind.
 */
public sealed interface Version permits LwwTimestamp {

    /** How a version relates to another one. */
    enum Order {
        OLDER,
        SAME,
        NEWER,
        /** Neither happened before the other (never returned by a totally ordered kind). */
        CONCURRENT
    }

    /** How this version relates to {@code other}. */
    Order compareWith(Version other);

    /** Whether this version is strictly newer than {@code other}. */
    default boolean isNewerThan(Version other) {
        return compareWith(other) == Order.NEWER;
    }
}
