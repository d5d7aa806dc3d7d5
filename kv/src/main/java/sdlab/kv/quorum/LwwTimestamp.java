package sdlab.kv.quorum;

import java.util.Comparator;
import java.util.Objects;

/**
 * A last-writer-wins version: the coordinator's clock reading when it accepted the write,
 * with the coordinator's name breaking ties so that two versions are never equal unless they
 * name the same write. Total order; concurrent writes are not detected, the later timestamp
 * silently wins.
 *
 * @param timestampNanos the coordinator's clock (possibly skewed), made strictly increasing
 *     per coordinator
 * @param coordinator the name of the node that assigned it
 */
public record LwwTimestamp(long timestampNanos, String coordinator) implements Version, Comparable<LwwTimestamp> {

    private static final Comparator<LwwTimestamp> ORDER =
            Comparator.comparingLong(LwwTimestamp::timestampNanos).thenComparing(LwwTimestamp::coordinator);

    public LwwTimestamp {
        Objects.requireNonNull(coordinator, "coordinator");
    }

    @Override
    public Order compareWith(Version other) {
        return switch (other) {
            case LwwTimestamp timestamp -> {
                int sign = compareTo(timestamp);
                yield sign < 0 ? Order.OLDER : sign > 0 ? Order.NEWER : Order.SAME;
            }
        };
    }

    @Override
    public int compareTo(LwwTimestamp other) {
        return ORDER.compare(this, other);
    }
}
