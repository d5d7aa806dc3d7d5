package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import sdlab.core.NodeId;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;

/**
 * A targeted nemesis for membership changes: every few milliseconds it looks for a leader of a
 * term it has not seen, and (one time in two) splits the cluster at once, the leader on a side
 * with zero to two others, for 100-400 ms. The leader's first entries (a configuration change
 * among them) then reach only its side, while the other side may elect a leader of its own:
 * two leaders of different terms that each know only their own change.
 */
final class SplitNewLeaders implements Consumer<SimControl> {
    private final SplittableRandom random;
    private final List<NodeId> nodes;
    private final Set<Long> termsSeen = new HashSet<>();

    SplitNewLeaders(long seed, List<NodeId> nodes) {
        this.random = new SplittableRandom(seed ^ 0x5b11L);
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public void accept(SimControl control) {
        if (control.nowNanos() > RaftSimulations.HORIZON.toNanos()) {
            return;
        }
        for (NodeId id : nodes) {
            if (control.node(id).orElse(null) instanceof RaftNode node
                    && node.role() == Role.LEADER
                    && termsSeen.add(node.term())
                    && random.nextBoolean()) {
                List<NodeId> others = new ArrayList<>(nodes);
                others.remove(id);
                Set<NodeId> side = new HashSet<>(Set.of(id));
                for (int i = random.nextInt(3); i > 0; i--) {
                    side.add(others.remove(random.nextInt(others.size())));
                }
                Set<NodeId> rest = new HashSet<>(nodes);
                rest.removeAll(side);
                control.partition(Partition.between(side, rest), Duration.ofMillis(100 + random.nextLong(300)));
            }
        }
    }
}
