/**
 * A sharded key-value store as pure node code: shards ({@link sdlab.shard.store.ShardNode}), one placement node that
 * owns the routing table ({@link sdlab.shard.store.PlacementNode}) and client-side routers that cache it ({@link
 * sdlab.shard.store.ShardRouter}), and for hot keys a read cache tier ({@link sdlab.shard.store.ReadCacheNode}), copies
 * of shards for reads ({@link sdlab.shard.hot.Replication}) and salted keys ({@link sdlab.shard.hot.KeySalting}).
 *
 * <h2>What it follows</h2>
 *
 * <ul>
 *   <li>Versioned routing as MongoDB's shard versions and HBase's {@code NotServingRegionException}: a request carries
 *       the epoch of the router's table; a shard with a newer one refuses it and the router refreshes and retries.
 *   <li>Range splits by size and by load, and range moves when a shard joins, as HBase regions and CockroachDB ranges;
 *       a single placement authority as HBase's master or TiKV's placement driver.
 *   <li>Shards that serve one request at a time with a fixed service time, so that load shows up as queueing.
 *   <li>Shards added and removed by an operator through the placement node ({@link
 *       sdlab.shard.store.PlacementOperator}), as MongoDB's {@code addShard} and {@code removeShard}: the answer comes
 *       once the change is in force, with the data it moved.
 * </ul>
 *
 * <p>The same classes run as real processes ({@code sdlab cluster start shards}); {@link sdlab.shard.store.ShardWire}
 * is their protocol in the plain values the real runtime's codec carries.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>With a correct router, every request is served by the shard that owns its key under the table in force at
 *       the shard: changes are applied one at a time, in epoch order, and a shard serves a new epoch only after every
 *       handoff due to it has arrived, so no acknowledged write is left behind on the old owner.
 *   <li>A shard trusts the epoch: a router that sends a current epoch with an old table makes it serve keys it no
 *       longer owns (the planted {@link sdlab.shard.store.RouterSettings.Bug#KEEP_STALE_TABLE}).
 *   <li>The read cache serves values up to its TTL old: it is not linearizable, and chapter 16 measures by how much.
 *   <li>Copies are written together (write-all, read-one) and never fail, so they are not a replication protocol.
 *   <li>A lossy network delays a change but does not wedge it: the placement node repeats a table update until each
 *       shard concerned says {@code Ready}, and a shard retains each handoff and sends it again until its receiver
 *       acknowledges it ({@link sdlab.shard.store.ShardMessage.HandoffAck}); a receiver applies a handoff once, so a
 *       duplicate brings back nothing written since. Writes racing a handoff are refused and retried, never lost,
 *       since the old owner stops serving before it hands data away.
 *   <li>Durable shards ({@link sdlab.shard.store.ShardSettings.Durability#SYNCED}) log writes, tables and handoffs
 *       taken in, answer after the sync and recover all of it after a crash; in memory (the chapters) a crash loses
 *       everything. The placement node keeps its table in memory only.
 * </ul>
 */
package sdlab.shard.store;
