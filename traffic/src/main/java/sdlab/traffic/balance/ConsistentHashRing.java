package sdlab.traffic.balance;

import java.util.Arrays;
import java.util.List;
import sdlab.core.StableHash;

/**
 * Consistent hashing (Karger et al., 1997) with virtual nodes: each server owns
 * {@value #VIRTUAL_NODES} points on a 64-bit ring and a key goes to the first point at or after
 * its hash. When a server leaves, only its own keys move; the rest stay where they were, which
 * keeps caches warm and sessions in place.
 *
 * <p>The ring is rebuilt when the set of available servers changes (the list handed in is a
 * new object then) and shared otherwise.
 */
final class ConsistentHashRing implements LoadBalancer {
    static final int VIRTUAL_NODES = 160;

    private record Ring(List<? extends Backend> servers, long[] points, Backend[] owners) {}

    private volatile Ring ring = new Ring(List.of(), new long[0], new Backend[0]);

    @Override
    @SuppressWarnings("unchecked") // the owners are elements of servers, so of type S
    public <S extends Backend> S pick(List<S> servers, long keyHash) {
        Ring current = ring;
        if (current.servers() != servers) {
            current = build(servers);
            ring = current;
        }
        int index = Arrays.binarySearch(current.points(), keyHash);
        int slot = index >= 0 ? index : -index - 1;
        return (S) current.owners()[slot == current.points().length ? 0 : slot];
    }

    private static Ring build(List<? extends Backend> servers) {
        int size = servers.size() * VIRTUAL_NODES;
        long[][] pairs = new long[size][];
        for (int s = 0; s < servers.size(); s++) {
            for (int v = 0; v < VIRTUAL_NODES; v++) {
                pairs[s * VIRTUAL_NODES + v] =
                        new long[] {StableHash.of(servers.get(s).address() + "#" + v), s};
            }
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] points = new long[size];
        Backend[] owners = new Backend[size];
        for (int i = 0; i < size; i++) {
            points[i] = pairs[i][0];
            owners[i] = servers.get((int) pairs[i][1]);
        }
        return new Ring(servers, points, owners);
    }
}
