package sdlab.consensus.raft;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import sdlab.core.NodeId;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;

/**
 * A targeted nemesis for leases: once a leader has led for a while (100-400 ms, so that clients
 * found it and its lease is established), it is cut off from the other nodes (not from the
 * clients) for 900 ms; for the first 4 s of a run. The cut-off leader still holds a lease for a
 * while and clients that know it keep reading from it, while the others elect a new leader and
 * write through it: if the lease outlives the moment the new leader can commit, reads are stale.
 */
final class IsolateLeaders implements Consumer<SimControl> {
    private static final Duration UNTIL = Duration.ofSeconds(4);

    private final SplittableRandom random;
    private final List<NodeId> nodes;
    private final Map<Long, Long> isolateAtNanosByTerm = new HashMap<>();

    IsolateLeaders(long seed, List<NodeId> nodes) {
        this.random = new SplittableRandom(seed ^ 0x1ea5e);
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public void accept(SimControl control) {
        long now = control.nowNanos();
        if (now > UNTIL.toNanos()) {
            return;
        }
        for (NodeId id : nodes) {
            if (control.node(id).orElse(null) instanceof RaftNode node && node.role() == Role.LEADER) {
                long at = isolateAtNanosByTerm.computeIfAbsent(
                        node.term(),
                        term -> now
                                + Duration.ofMillis(100 + random.nextLong(300)).toNanos());
                if (at <= now) {
                    isolateAtNanosByTerm.put(node.term(), Long.MAX_VALUE);
                    control.partition(Partition.isolate(id, nodes), Duration.ofMillis(900));
                }
            }
        }
    }
}
