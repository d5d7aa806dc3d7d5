/**
 * Clients of the coordination service as the simulator runs them: they speak the server's
 * {@link sdlab.coord.server.ClientMessages} (decoded ZooKeeper packets) and behave as ZooKeeper's
 * Java client does when a connection is lost: pending requests end without an answer, and the
 * client reconnects to the next server with its session, which that server resumes or declares
 * expired. That behaviour is {@link sdlab.coord.client.ZkSession}'s, which every simulated client
 * owns: {@link sdlab.coord.client.CoordKvClient} here, the lock clients of {@code sdlab.coord.recipes}.
 */
package sdlab.coord.client;
