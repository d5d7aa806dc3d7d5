package sdlab.traffic.gateway;

import java.net.InetSocketAddress;
import sdlab.traffic.balance.Backend;
import sdlab.traffic.gateway.GatewayConfig.Server;

/**
 * One server of an upstream: what the shared balancing decisions know about it ({@link
 * Backend}: health, ejection, draining, requests in flight) plus what the gateway needs to reach
 * it, its socket address and its pool of idle keep-alive connections.
 */
final class UpstreamServer extends Backend {
    final Server config;
    final InetSocketAddress socketAddress;
    final ConnectionPool pool;

    UpstreamServer(Server config, int idleConnectionsMax) {
        super(config.address());
        this.config = config;
        this.socketAddress = new InetSocketAddress(config.host(), config.port());
        this.pool = new ConnectionPool(idleConnectionsMax);
    }

    /** Out of rotation, and its idle connections close: nothing new will use them. */
    @Override
    public void startDraining() {
        super.startDraining();
        pool.closeIdle();
    }

    @Override
    public String toString() {
        return config.address() + "(" + config.version() + ")";
    }
}
