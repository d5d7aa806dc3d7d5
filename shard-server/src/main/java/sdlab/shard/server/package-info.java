/**
 * The real front door of the sharded store ({@code shard}): a RESP port on each process of {@code sdlab cluster start
 * shards}, so that redis-cli and Redis client libraries read and write it.
 *
 * <p>Behind each port run a few of the simulator's routers ({@link sdlab.shard.store.ShardRouter}, in a {@link
 * sdlab.shard.server.RouterPool}): they cache the routing table, send each key's request to its owner and refresh
 * the table when a shard refuses a stale epoch, so a client of the door never learns where keys live unless it asks
 * ({@code SHARDS.WHERE}). What the routers can do bounds what the door serves: GET, SET, DEL, MGET, MSET, EXISTS and
 * a range scan ({@code SHARDS.RANGE}); INCR and its kin are refused with their reason, since a shard has no atomic
 * read-modify-write. The RESP framing is module {@code resp}'s, which the replicated store's door shares.
 */
package sdlab.shard.server;
