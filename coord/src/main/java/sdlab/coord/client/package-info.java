/**
 * Clients of the coordination service as the simulator runs them: they speak the server's
 * {@link sdlab.coord.server.ClientMessages} (decoded ZooKeeper packets) and behave as ZooKeeper's
 * Java client does when a connection is lost: pending requests end without an answer, and the
 * client reconnects to the next server with its session, which that server resumes or declares
 * expired.
 */
package sdlab.coord.client;
