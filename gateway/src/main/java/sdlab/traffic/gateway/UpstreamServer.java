package sdlab.traffic.gateway;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import sdlab.traffic.gateway.GatewayConfig.Server;

/**
 * One server of an upstream and what the gateway knows about it: whether active checks find it
 * healthy, whether passive ejection has benched it, whether it is draining, and how many
 * requests it is serving. Read from every event loop, so its state is volatile or atomic.
 */
final class UpstreamServer {
    final Server config;
    final InetSocketAddress address;
    /** A short stable id for sticky cookies: the address is not something to show clients. */
    final String id;

    final ConnectionPool pool;
    final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger failuresConsecutive = new AtomicInteger();
    private volatile boolean healthy = true;
    private volatile boolean draining;
    private volatile long ejectedUntilNanos; // the clock starts at 0, so 0 means "never ejected"

    UpstreamServer(Server config, int idleConnectionsMax) {
        this.config = config;
        this.address = new InetSocketAddress(config.host(), config.port());
        this.id = Long.toHexString(Hashing.hash64(config.address()) & 0xffff_ffffL);
        this.pool = new ConnectionPool(idleConnectionsMax);
    }

    /** Whether new requests may go here at {@code nowNanos}. */
    boolean available(long nowNanos) {
        return healthy && !draining && nowNanos - ejectedUntilNanos >= 0;
    }

    boolean healthy() {
        return healthy;
    }

    boolean draining() {
        return draining;
    }

    long ejectedUntilNanos() {
        return ejectedUntilNanos;
    }

    /** Sets the active health verdict; returns whether it changed. */
    boolean setHealthy(boolean healthyNew) {
        boolean changed = healthy != healthyNew;
        healthy = healthyNew;
        return changed;
    }

    void startDraining() {
        draining = true;
        pool.closeIdle();
    }

    void recordSuccess() {
        failuresConsecutive.set(0);
    }

    /** Counts a failed request; returns true when it benches the server (passive ejection). */
    boolean recordFailure(long nowNanos, int ejectAfterFailures, long ejectNanos) {
        int failures = failuresConsecutive.incrementAndGet();
        if (ejectAfterFailures > 0 && failures >= ejectAfterFailures) {
            failuresConsecutive.set(0);
            ejectedUntilNanos = nowNanos + ejectNanos;
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return config.address() + "(" + config.version() + ")";
    }
}
