package sdlab.consensus.raft;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import sdlab.core.NodeId;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;

/**
 * A targeted nemesis (Jepsen style): every few milliseconds it looks for a leader of a term it
 * has not seen, and cuts half of them off from everybody at once, for 100-400 ms, before their
 * first entries spread. Such leaders keep entries of their term that nobody else has, which is
 * what the Raft paper's figure 8 needs: divergent suffixes of different terms.
 */
final class IsolateNewLeaders implements Consumer<SimControl> {
    private final SplittableRandom random;
    private final List<NodeId> nodes;
    private final Set<Long> termsSeen = new HashSet<>();

    IsolateNewLeaders(long seed, List<NodeId> nodes) {
        this.random = new SplittableRandom(seed ^ 0x5eed);
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
                control.partition(Partition.isolate(id, nodes), Duration.ofMillis(100 + random.nextLong(300)));
            }
        }
    }
}
