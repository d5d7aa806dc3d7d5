package sdlab.chapters.repl.redundancy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.repl.ActiveActiveNode;
import sdlab.repl.ReplClient;

/**
 * Active-active: primaries a and b both take writes and ship them asynchronously to each other; a read answers with
 * the newest value (last-writer-wins). Client processes alternate between them as their home; each turns to the other
 * primary when its own does not answer in time, and tries its home again after the failback time. No manager: there
 * is nothing to promote.
 */
record ActiveActive() implements Deployment {
    static final NodeId A = NodeId.of("a");
    static final NodeId B = NodeId.of("b");
    private static final List<NodeId> MEMBERS = List.of(A, B);

    @Override
    public List<NodeId> stores() {
        return MEMBERS;
    }

    @Override
    public List<NodeId> maintained() {
        return MEMBERS;
    }

    @Override
    public Optional<NodeId> manager() {
        return Optional.empty();
    }

    @Override
    public Node node(NodeId id, Cast cast) {
        return new ActiveActiveNode(MEMBERS, cast.config(A, List.of(B)), cast.ledger());
    }

    @Override
    public Client client(int process, Cast cast) {
        NodeId home = MEMBERS.get(process % 2);
        NodeId other = MEMBERS.get(1 - process % 2);
        return new ReplClient(cast.multiHost(home, List.of(other)));
    }

    /** The writes both primaries hold at the end, in their own logs or their copies of the other's. */
    @Override
    public Set<String> kept(Function<NodeId, Node> nodes) {
        ActiveActiveNode a = Cast.live(nodes, A, ActiveActiveNode.class);
        ActiveActiveNode b = Cast.live(nodes, B, ActiveActiveNode.class);
        if (a == null || b == null) {
            return Set.of();
        }
        Set<String> kept = Cast.values(a.entriesHeld(), new HashSet<>());
        kept.retainAll(Cast.values(b.entriesHeld(), new HashSet<>()));
        return kept;
    }
}
