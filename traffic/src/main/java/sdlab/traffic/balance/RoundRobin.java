package sdlab.traffic.balance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each server in turn: the n-th pick takes server n modulo the number available. */
final class RoundRobin implements LoadBalancer {
    private final AtomicLong next = new AtomicLong();

    @Override
    public <S extends Backend> S pick(List<S> servers, long keyHash) {
        return servers.get((int) Math.floorMod(next.getAndIncrement(), (long) servers.size()));
    }
}
