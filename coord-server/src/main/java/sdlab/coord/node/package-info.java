/**
 * The real front door of a standalone coordination node: ZooKeeper's client protocol over TCP
 * with Netty, so that the unmodified ZooKeeper client (and Curator on top of it) talks to {@link
 * sdlab.coord.server.StandaloneCoordinator}. Everything here moves bytes, reads the system clock
 * and draws secure random passwords; every decision is the coordinator's, made on one event loop
 * thread.
 */
package sdlab.coord.node;
