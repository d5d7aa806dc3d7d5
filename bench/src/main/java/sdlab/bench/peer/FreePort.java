package sdlab.bench.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A free ephemeral port on the loopback address, for peers that cannot pick one themselves
 * (redis-server, memcached, nginx). The port is free when asked; another process could take it
 * before the peer binds, in which case the peer fails to start and says so.
 */
public final class FreePort {
    private FreePort() {}

    /** A port that was free on the loopback address a moment ago. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
