package sdlab.shard.hot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sdlab.core.NodeId;

/**
 * One router's replica choice: it remembers the queue depth each replica put on its last reply to this router (stale
 * by the time it is used, as any piggybacked load figure is) and picks by its {@link ReplicaChoice}. A replica never
 * heard from counts as idle.
 */
public final class ReplicaPicker {
    private final ReplicaChoice choice;
    private final boolean preferLonger;
    private final Map<NodeId, Integer> depthHeard = new TreeMap<>();
    private int turn;

    /**
     * @param preferLonger the planted bug: the load-aware choices compare the wrong way and pick the longer queue
     */
    public ReplicaPicker(ReplicaChoice choice, boolean preferLonger) {
        this.choice = choice;
        this.preferLonger = preferLonger;
    }

    /** A reply from {@code replica} said its queue held {@code depth} requests. */
    public void heard(NodeId replica, int depth) {
        depthHeard.put(replica, depth);
    }

    /** The replica of {@code replicas} (the shard's, never empty) to send a read to. */
    public NodeId pick(List<NodeId> replicas, RandomGenerator random) {
        if (replicas.size() == 1) {
            return replicas.getFirst();
        }
        return switch (choice) {
            case RANDOM -> replicas.get(random.nextInt(replicas.size()));
            case ROUND_ROBIN -> replicas.get(Math.floorMod(turn++, replicas.size()));
            case LEAST_LOADED -> {
                // Start at a random replica so that ties do not always go to the first one.
                int start = random.nextInt(replicas.size());
                NodeId best = replicas.get(start);
                for (int i = 1; i < replicas.size(); i++) {
                    NodeId next = replicas.get((start + i) % replicas.size());
                    best = better(next, best) ? next : best;
                }
                yield best;
            }
            case TWO_CHOICES -> {
                int a = random.nextInt(replicas.size());
                int b = (a + 1 + random.nextInt(replicas.size() - 1)) % replicas.size();
                yield better(replicas.get(b), replicas.get(a)) ? replicas.get(b) : replicas.get(a);
            }
        };
    }

    private boolean better(NodeId candidate, NodeId than) {
        int c = depthHeard.getOrDefault(candidate, 0);
        int t = depthHeard.getOrDefault(than, 0);
        return preferLonger ? c > t : c < t;
    }
}
