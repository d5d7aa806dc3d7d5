package sdlab.shard.partition;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * The keys from {@code start} (included) up to {@code end} (excluded; null means no upper bound), owned by one shard:
 * a region in HBase, a range in CockroachDB, a tablet in Bigtable.
 *
 * @param start the smallest key of the range; "" for the first range
 * @param end the first key after the range, or null for the last range
 * @param owner the shard that serves it
 */
public record KeyRange(String start, String end, NodeId owner) {
    public KeyRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(owner, "owner");
        if (end != null && end.compareTo(start) <= 0) {
            throw new IllegalArgumentException("a range ends after it starts: [" + start + ", " + end + ")");
        }
    }

    public boolean contains(String key) {
        return key.compareTo(start) >= 0 && (end == null || key.compareTo(end) < 0);
    }

    /** True if some key of {@code [fromKey, toKey)} falls in this range. */
    public boolean overlaps(String fromKey, String toKey) {
        return (end == null || fromKey.compareTo(end) < 0) && toKey.compareTo(start) > 0;
    }

    KeyRange ownedBy(NodeId newOwner) {
        return new KeyRange(start, end, newOwner);
    }

    @Override
    public String toString() {
        return "[" + (start.isEmpty() ? "-inf" : start) + ", " + (end == null ? "+inf" : end) + ")@" + owner;
    }
}
