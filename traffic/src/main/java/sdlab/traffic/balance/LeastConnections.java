package sdlab.traffic.balance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server with the fewest requests in flight; ties go round-robin so that an idle upstream
 * still spreads its load. Adapts to slow servers, at the cost of reading every server's count.
 */
final class LeastConnections implements LoadBalancer {
    private final AtomicLong start = new AtomicLong();

    @Override
    public <S extends Backend> S pick(List<S> servers, long keyHash) {
        int size = servers.size();
        int offset = (int) Math.floorMod(start.getAndIncrement(), (long) size);
        S best = null;
        int bestInFlight = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            S server = servers.get((offset + i) % size);
            int inFlight = server.inFlight();
            if (inFlight < bestInFlight) {
                best = server;
                bestInFlight = inFlight;
            }
        }
        return best;
    }
}
