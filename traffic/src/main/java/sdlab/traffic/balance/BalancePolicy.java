package sdlab.traffic.balance;

/** The load-balancing policies, each a {@link LoadBalancer} with its own state per upstream. */
public enum BalancePolicy {
    /** Each server in turn. Even when requests cost the same; blind to a slow server. */
    ROUND_ROBIN,
    /** The server with the fewest requests in flight; ties in rotation. Adapts to slow servers. */
    LEAST_CONNECTIONS,
    /** The owner of the request key's point on a ring: a key stays put while its server does. */
    CONSISTENT_HASH;

    /** A new balancer of this policy, for one upstream. */
    public LoadBalancer create() {
        return switch (this) {
            case ROUND_ROBIN -> new RoundRobin();
            case LEAST_CONNECTIONS -> new LeastConnections();
            case CONSISTENT_HASH -> new ConsistentHashRing();
        };
    }
}
