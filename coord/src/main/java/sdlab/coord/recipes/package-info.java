/**
 * Lock recipes on the coordination service, as ZooKeeper users write them, run by a client that
 * protects a counter at the fenced storage node ({@link sdlab.coord.fencing}).
 *
 * <h2>What it follows</h2>
 *
 * <p>ZooKeeper's "Recipes and Solutions" (locks without herd effect: ephemeral-sequential children,
 * each watching its predecessor), Curator's {@code InterProcessMutex} (protected names, guaranteed
 * delete), the plain "create an ephemeral znode, watch it if it exists" lock of countless tutorials,
 * and a lease on a TTL znode (ZooKeeper 3.5's TTL nodes). Martin Kleppmann's "How to do distributed
 * locking" (2016) supplies the client's critical section and its fencing token, the lock znode's
 * czxid.
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <ul>
 *   <li>The recipes give at most one holder at a time <em>as the coordination service sees it</em>:
 *       one znode, or one lowest child, exists at any zxid.
 *   <li>They do not give one holder in real time. A holder learns that it lost its lock only when
 *       its session's expiry or its lease's end reaches it; a holder that pauses (a long garbage
 *       collection) or is cut off from the servers goes on acting meanwhile. Only a store that
 *       checks the token refuses what it does then.
 *   <li>The plain ephemeral lock and the lease wake every waiter on each release (the herd); the
 *       sequential recipe wakes one.
 * </ul>
 *
 * <p>{@link sdlab.coord.recipes.LockClient} is the node; {@link sdlab.coord.recipes.LockKind} names
 * the recipes; the connection and session are {@link sdlab.coord.client.ZkSession}'s.
 */
package sdlab.coord.recipes;
