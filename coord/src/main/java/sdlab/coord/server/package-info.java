/**
 * A ZooKeeper server as pure node code: {@link sdlab.coord.server.CoordReplica}, one server of a
 * group that replicates the znode tree and the session table on Raft, with no socket, thread or
 * clock of its own, so that the simulator and the real runtime (a group of one for {@code sdlab
 * node coord}, or {@code sdlab cluster start coord}) run the same class.
 *
 * <h2>What it follows</h2>
 *
 * <p>Apache ZooKeeper 3.9's servers: {@code ZooKeeperServer.processConnectRequest} (timeout
 * negotiation between 2 and 20 ticks, resuming a session by id and password, refusing a client that
 * has seen a later zxid), the leader's {@code SessionTrackerImpl} (a session lives while some
 * server hears its client within its timeout; an expiry is a closeSession transaction, so
 * ephemerals go and watches fire), followers forwarding writes and answering them once committed
 * and applied locally, reads served by the connected server, {@code sync} as a round trip through
 * the leader, and {@code FinalRequestProcessor} (request types it does not serve are
 * UNIMPLEMENTED).
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <p>Writes are linearizable and each session's requests are answered in order; reads are
 * sequentially consistent and linearizable after a {@code sync}. There are no ACLs (every node is
 * world:anyone with all permissions, and setACL is UNIMPLEMENTED; addauth's credentials are
 * accepted and ignored), no SASL, no reconfig, no checkWatches or whoAmI, and no read-only mode.
 */
package sdlab.coord.server;
