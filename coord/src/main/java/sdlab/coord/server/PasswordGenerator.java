package sdlab.coord.server;

/**
 * Where a new session's password comes from: secure random bytes in a real server, a seeded
 * sequence in tests and the simulator. A client must show it to resume the session.
 */
@FunctionalInterface
public interface PasswordGenerator {
    /** ZooKeeper's session passwords are 16 bytes. */
    int PASSWORD_BYTES = 16;

    byte[] passwordFor(long sessionId);
}
