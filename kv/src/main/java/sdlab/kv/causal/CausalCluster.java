package sdlab.kv.causal;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;

/** Builds the replicas and clients of one causal store from one configuration. */
public final class CausalCluster {
    private CausalCluster() {}

    /** Replica ids {@code s1 .. s<count>}, one per site. */
    public static List<NodeId> replicaIds(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a causal store needs at least one replica, got " + count);
        }
        List<NodeId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(NodeId.of("s" + i));
        }
        return List.copyOf(ids);
    }

    /** Makes any replica, at the start and after every restart (it recovers from its log). */
    public static NodeFactory nodeFactory(CausalConfig config) {
        return id -> new CausalReplica(id, config);
    }

    /** The {@code index}-th client (from 0), whose own replica is the replicas' {@code index} modulo their count. */
    public static CausalClient client(CausalConfig config, int index) {
        return new CausalClient(
                config,
                config.replicas().get(Math.floorMod(index, config.replicas().size())));
    }
}
