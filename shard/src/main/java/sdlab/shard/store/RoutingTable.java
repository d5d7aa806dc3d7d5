package sdlab.shard.store;

import java.util.Objects;
import sdlab.shard.partition.Partitioner;

/**
 * Who owns which keys, and the epoch that names this version of the answer. The placement node makes each new table
 * with {@link #next}; routers cache one, and a shard that holds a newer epoch refuses a request made with an older
 * one, so the router refreshes (MongoDB's shard versions, HBase's {@code NotServingRegionException}).
 *
 * @param epoch increases by one with every change of ownership
 * @param partitioner the ownership itself
 */
public record RoutingTable(long epoch, Partitioner partitioner) {
    public RoutingTable {
        if (epoch < 0) {
            throw new IllegalArgumentException("an epoch is not negative, got " + epoch);
        }
        Objects.requireNonNull(partitioner, "partitioner");
    }

    /** The first table. */
    public static RoutingTable first(Partitioner partitioner) {
        return new RoutingTable(0, partitioner);
    }

    /** The table after this one, with new ownership. */
    public RoutingTable next(Partitioner newPartitioner) {
        return new RoutingTable(epoch + 1, newPartitioner);
    }
}
