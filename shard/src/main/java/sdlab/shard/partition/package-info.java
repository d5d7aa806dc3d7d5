/**
 * Which shard owns a key, as interchangeable strategies behind {@link sdlab.shard.partition.Partitioner}: hash modulo
 * N, consistent hashing with {@code num_tokens}-style virtual nodes (Karger et al. 1997; Cassandra), and range
 * partitioning with splits, merges and moves (Bigtable tablets, HBase regions, CockroachDB ranges).
 *
 * <p>{@link sdlab.shard.partition.Rebalancer} gives the partitioner after a shard joins or leaves; {@link
 * sdlab.shard.partition.Movement} counts what that moves beside the least any scheme must move ({@code K/N'}).
 * Everything here is an immutable value and a pure function, shared by the store's nodes and the chapters.
 */
package sdlab.shard.partition;
