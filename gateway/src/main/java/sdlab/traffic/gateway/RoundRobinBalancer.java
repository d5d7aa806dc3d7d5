package sdlab.traffic.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Each server in turn. Even when requests cost the same; blind to a slow server. */
final class RoundRobinBalancer implements LoadBalancer {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public UpstreamServer pick(List<UpstreamServer> servers, long keyHash) {
        return servers.get(Math.floorMod(next.getAndIncrement(), servers.size()));
    }
}
