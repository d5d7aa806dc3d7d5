package sdlab.traffic.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import sdlab.core.StableHash;

/**
 * An upstream's servers and the decision of which one takes a request: among the servers
 * available now (healthy, not ejected, not draining), the session's sticky server if it is one
 * of them, else the balancing policy's pick (and, for cookie stickiness, the cookie that pins
 * the client to it).
 *
 * <p>It keeps a snapshot of the available servers, rebuilt when a server's health, ejection or
 * membership changes ({@link #refresh}) and at least every second, so that choosing reads one
 * volatile field. The snapshot's list is a new object after each rebuild, which tells the
 * consistent-hash ring to rebuild too.
 *
 * @param <S> the server handle: a {@link Backend} or the gateway's extension of it
 */
public final class ServerGroup<S extends Backend> {
    private static final long REVALIDATE_NANOS = 1_000_000_000L;

    /**
     * A chosen server.
     *
     * @param server the server
     * @param pinToSet for cookie stickiness, the cookie value ({@link Backend#id()}) the response
     *     must set; null when the request's cookie already named it, or without cookies
     */
    public record Choice<S>(S server, String pinToSet) {}

    /**
     * What a request offers to choose by.
     *
     * @param stickyCookie the value of the sticky cookie, or null
     * @param clientAddress the client's address, for client-address affinity
     * @param hashKey the consistent-hash policy's key (address, header, cookie or path), or null
     */
    public record Keys(String stickyCookie, String clientAddress, String hashKey) {}

    private record Snapshot<S>(List<S> available, long validUntilNanos) {}

    private final List<S> servers = new CopyOnWriteArrayList<>();
    private final LoadBalancer balancer;
    private final Stickiness stickiness;
    private final LoadBalancer affinity = BalancePolicy.CONSISTENT_HASH.create();
    private volatile Snapshot<S> snapshot = new Snapshot<>(List.of(), Long.MIN_VALUE);

    public ServerGroup(List<S> servers, BalancePolicy policy, Stickiness stickiness, long nowNanos) {
        this.servers.addAll(servers);
        this.balancer = policy.create();
        this.stickiness = stickiness;
        refresh(nowNanos);
    }

    /** Every server, in configuration order, available or not. */
    public List<S> servers() {
        return servers;
    }

    /** A server for a request, avoiding {@code excluded} (one that just failed it), or null if none is available. */
    public Choice<S> choose(Keys keys, long nowNanos, S excluded) {
        List<S> available = available(nowNanos);
        if (excluded != null && available.contains(excluded)) {
            available = new ArrayList<>(available);
            available.remove(excluded);
        }
        if (available.isEmpty()) {
            return null;
        }
        return switch (stickiness) {
            case COOKIE -> byCookie(available, keys);
            case CLIENT_ADDRESS -> new Choice<>(affinity.pick(available, StableHash.of(keys.clientAddress())), null);
            case NONE -> new Choice<>(balancer.pick(available, keyHash(keys)), null);
        };
    }

    private Choice<S> byCookie(List<S> available, Keys keys) {
        String pinned = keys.stickyCookie();
        if (pinned != null) {
            for (S server : available) {
                if (server.id().equals(pinned)) {
                    return new Choice<>(server, null);
                }
            }
        }
        S server = balancer.pick(available, keyHash(keys));
        return new Choice<>(server, server.id());
    }

    private static long keyHash(Keys keys) {
        return keys.hashKey() == null ? 0 : StableHash.of(keys.hashKey());
    }

    /** The servers available at {@code nowNanos}, in configuration order. */
    public List<S> available(long nowNanos) {
        Snapshot<S> current = snapshot;
        if (nowNanos - current.validUntilNanos() >= 0) {
            current = rebuild(nowNanos);
        }
        return current.available();
    }

    /**
     * Rebuilds the available set; call after any change of health, ejection, draining or
     * membership.
     */
    public void refresh(long nowNanos) {
        rebuild(nowNanos);
    }

    /** Synchronized so that a rebuild from older state never overwrites a newer one. */
    private synchronized Snapshot<S> rebuild(long nowNanos) {
        List<S> available = new ArrayList<>();
        long validUntilNanos = nowNanos + REVALIDATE_NANOS;
        for (S server : servers) {
            if (server.available(nowNanos)) {
                available.add(server);
            } else if (server.healthy() && !server.draining()) {
                validUntilNanos = Math.min(validUntilNanos, server.ejectedUntilNanos());
            }
        }
        Snapshot<S> fresh = new Snapshot<>(List.copyOf(available), validUntilNanos);
        snapshot = fresh;
        return fresh;
    }

    /** Adds a server to rotation. */
    public void add(S server, long nowNanos) {
        servers.add(server);
        refresh(nowNanos);
    }

    /** Takes the server at {@code address} out of the group and drains it; returns it, or null if none. */
    public S remove(String address, long nowNanos) {
        for (S server : servers) {
            if (server.address().equals(address)) {
                servers.remove(server);
                server.startDraining();
                refresh(nowNanos);
                return server;
            }
        }
        return null;
    }
}
