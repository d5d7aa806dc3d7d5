package sdlab.shard.partition;

import java.util.Collection;

/**
 * How many of a set of keys change owner between two partitioners, beside the least any scheme could move: when a
 * shard joins N others, the joiner must end up with its share, {@code K/N'} keys, and nothing else needs to move.
 *
 * @param keys how many keys were looked at
 * @param moved how many changed owner
 * @param minimum {@code keys / shardsAfter}: the least a balanced result can move when one shard joins
 */
public record Movement(long keys, long moved, double minimum) {
    /** The keys of {@code keys} whose owner differs between {@code before} and {@code after}. */
    public static Movement between(Partitioner before, Partitioner after, Collection<String> keys) {
        long moved = keys.stream()
                .filter(key -> !before.ownerOf(key).equals(after.ownerOf(key)))
                .count();
        return new Movement(
                keys.size(), moved, (double) keys.size() / after.shards().size());
    }

    /** Moved keys over the minimum: 1.0 is as little as possible, about N' for modulo hashing. */
    public double overMinimum() {
        return minimum == 0 ? 0 : moved / minimum;
    }
}
