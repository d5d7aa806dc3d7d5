/**
 * A standalone (single-server) ZooKeeper as pure decision code: sessions, the zxid counter and
 * the answer to every request, with no socket, thread or clock, so that a Netty front door (the
 * {@code coord-server} module) and a simulator are two thin callers of the same class.
 *
 * <h2>What it follows</h2>
 *
 * <p>Apache ZooKeeper 3.9's standalone server: {@code ZooKeeperServer.processConnectRequest}
 * (timeout negotiation between 2 and 20 ticks, resuming a session by id and password), {@code
 * SessionTrackerImpl} (a session lives while the client is heard from within its timeout; an
 * expiry is a closeSession transaction, so ephemerals go and watches fire) and {@code
 * FinalRequestProcessor} (reads answer with the last applied zxid, writes take the next one;
 * request types it does not serve are UNIMPLEMENTED).
 *
 * <h2>What it guarantees, and what not</h2>
 *
 * <p>Given the same requests, times and injected session ids and passwords, {@link
 * sdlab.coord.server.StandaloneCoordinator} gives the same answers and the same tree. It has one
 * server and no log: nothing survives a restart, nothing is replicated (Raft will order the
 * transactions later). There are no ACLs (every node is world:anyone with all permissions, and
 * setACL is UNIMPLEMENTED; addauth's credentials are accepted and ignored), no SASL, no reconfig,
 * no checkWatches or whoAmI, and no read-only mode. Empty containers and expired TTL nodes are
 * removed when the caller asks ({@code removeDueContainers}), as ZooKeeper's ContainerManager does.
 */
package sdlab.coord.server;
