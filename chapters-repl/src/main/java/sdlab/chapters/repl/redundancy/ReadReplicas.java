package sdlab.chapters.repl.redundancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplNode;

/**
 * Read replicas: primary p takes every write and ships it asynchronously to replicas r1, r2, ..., which serve the
 * reads. Nothing promotes a replica: the pattern scales reads, and writes wait for the primary.
 */
record ReadReplicas(int replicaCount) implements Deployment {
    static final NodeId PRIMARY = NodeId.of("p");

    private List<NodeId> replicas() {
        return IntStream.rangeClosed(1, replicaCount)
                .mapToObj(i -> NodeId.of("r" + i))
                .toList();
    }

    @Override
    public List<NodeId> stores() {
        List<NodeId> all = new ArrayList<>(List.of(PRIMARY));
        all.addAll(replicas());
        return all;
    }

    @Override
    public List<NodeId> maintained() {
        List<NodeId> order = new ArrayList<>(replicas());
        order.add(PRIMARY);
        return order;
    }

    @Override
    public Optional<NodeId> manager() {
        return Optional.empty();
    }

    @Override
    public Node node(NodeId id, Cast cast) {
        return new ReplNode(cast.config(PRIMARY, replicas()), cast.ledger());
    }

    /**
     * Writers talk to the primary. Each reader talks to one replica (they take turns) and turns to the next, then to
     * the primary, when it does not answer, trying its own again after the failback time.
     */
    @Override
    public Client client(int process, Cast cast) {
        if (process < cast.writers()) {
            return new ReplClient(ReplClient.Settings.atPrimary(PRIMARY, cast.clientTimeoutNanos()));
        }
        List<NodeId> replicas = replicas();
        int first = (process - cast.writers()) % replicas.size();
        List<NodeId> others = new ArrayList<>();
        for (int i = 1; i < replicas.size(); i++) {
            others.add(replicas.get((first + i) % replicas.size()));
        }
        others.add(PRIMARY);
        return new ReplClient(cast.multiHost(replicas.get(first), others));
    }

    @Override
    public Set<String> kept(Function<NodeId, Node> nodes) {
        return Cast.keptBy(nodes, PRIMARY);
    }
}
