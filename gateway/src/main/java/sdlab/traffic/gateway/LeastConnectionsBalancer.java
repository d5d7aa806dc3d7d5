package sdlab.traffic.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server with the fewest requests in flight; ties go round-robin so that an idle upstream
 * still spreads its load. Adapts to slow servers, at the cost of reading every server's count.
 */
final class LeastConnectionsBalancer implements LoadBalancer {
    private final AtomicInteger start = new AtomicInteger();

    @Override
    public UpstreamServer pick(List<UpstreamServer> servers, long keyHash) {
        int size = servers.size();
        int offset = Math.floorMod(start.getAndIncrement(), size);
        UpstreamServer best = null;
        int bestInFlight = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            UpstreamServer server = servers.get((offset + i) % size);
            int inFlight = server.inFlight.get();
            if (inFlight < bestInFlight) {
                best = server;
                bestInFlight = inFlight;
            }
        }
        return best;
    }
}
