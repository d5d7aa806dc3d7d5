package sdlab.coord.server;

/** One open session: its password, its negotiated timeout, and when its client was last heard from. */
final class Session {
    final long id;
    final byte[] password;
    final int timeoutMs;
    long lastHeardMs;

    Session(long id, byte[] password, int timeoutMs, long lastHeardMs) {
        this.id = id;
        this.password = password;
        this.timeoutMs = timeoutMs;
        this.lastHeardMs = lastHeardMs;
    }

    boolean expiredAt(long nowMs) {
        return nowMs - lastHeardMs > timeoutMs;
    }
}
