package sdlab.traffic.gateway;

import java.util.List;

/**
 * How an upstream chooses among its available servers (a Strategy). {@code keyHash} is the hash
 * of the request's balancing key, used by key-based policies and ignored by the others.
 */
interface LoadBalancer {

    /** One of {@code servers}, which is non-empty. */
    UpstreamServer pick(List<UpstreamServer> servers, long keyHash);

    /** The policy configured for an upstream. */
    static LoadBalancer of(GatewayConfig.Balancer balancer) {
        return switch (balancer) {
            case ROUND_ROBIN -> new RoundRobinBalancer();
            case LEAST_CONNECTIONS -> new LeastConnectionsBalancer();
            case CONSISTENT_HASH -> new ConsistentHashBalancer();
        };
    }
}
