/**
 * The real front door of the coordination service: ZooKeeper's client protocol over TCP with
 * Netty ({@link sdlab.coord.node.ReplicaFrontDoor}), so that the unmodified ZooKeeper client (and
 * Curator on top of it) talks to a {@link sdlab.coord.server.CoordReplica} running in a {@link
 * sdlab.runtime.host.NodeHost}: a group of one for {@code sdlab node coord} ({@link
 * sdlab.coord.node.CoordServer}), one per process in a cluster. Everything here moves bytes; every
 * decision is the replica's, made on the node's event loop, which also carries the connections.
 */
package sdlab.coord.node;
