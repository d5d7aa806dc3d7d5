package sdlab.kv.quorum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.NodeId;
import sdlab.core.StableHash;

/**
 * A consistent-hash ring with virtual nodes, as in Dynamo (DeCandia et al. 2007, section 4.2).
 *
 * <p>Each physical node owns {@code virtualNodesPerNode} positions ("tokens"), the hashes of
 * {@code "<name>#<i>"}. A key belongs at the first token at or after its own hash, wrapping
 * around; its preference list is the first N distinct physical nodes met walking clockwise
 * from there. Adding a node adds its tokens and changes nothing else, so only the key ranges
 * just before the new tokens move, and they move to the new node. Immutable and shareable.
 */
public final class HashRing {
    private final List<Token> tokens;
    private final long[] positions;
    private final Set<NodeId> nodes;
    private final int virtualNodesPerNode;

    private record Token(long position, NodeId node) {}

    /** A ring of {@code nodes}, each at {@code virtualNodesPerNode} positions. */
    public HashRing(Collection<NodeId> nodes, int virtualNodesPerNode) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a hash ring needs at least one node");
        }
        if (virtualNodesPerNode < 1) {
            throw new IllegalArgumentException("virtualNodesPerNode must be positive, got " + virtualNodesPerNode);
        }
        this.nodes = new TreeSet<>(nodes);
        if (this.nodes.size() != nodes.size()) {
            throw new IllegalArgumentException("a hash ring's nodes must be distinct: " + nodes);
        }
        this.virtualNodesPerNode = virtualNodesPerNode;
        List<Token> all = new ArrayList<>();
        for (NodeId node : this.nodes) {
            for (int i = 0; i < virtualNodesPerNode; i++) {
                all.add(new Token(StableHash.of(node.name() + "#" + i), node));
            }
        }
        // Ties between equal hashes are astronomically rare; ordering them by name keeps even
        // that case deterministic.
        all.sort(Comparator.comparingLong(Token::position).thenComparing(Token::node));
        this.tokens = List.copyOf(all);
        this.positions = all.stream().mapToLong(Token::position).toArray();
    }

    /** The physical nodes, in name order. */
    public Set<NodeId> nodes() {
        return Collections.unmodifiableSet(nodes);
    }

    public int virtualNodesPerNode() {
        return virtualNodesPerNode;
    }

    /** The first {@code n} distinct nodes clockwise from the key: the replicas that own it. */
    public List<NodeId> preferenceList(String key, int n) {
        if (n < 1 || n > nodes.size()) {
            throw new IllegalArgumentException(
                    "a preference list of " + n + " needs between 1 and " + nodes.size() + " nodes");
        }
        return walk(key).subList(0, n);
    }

    /**
     * Every node, in the order a clockwise walk from the key meets them: the preference list
     * first, then the nodes a sloppy quorum falls back to.
     */
    public List<NodeId> walk(String key) {
        int start = firstTokenAtOrAfter(StableHash.of(key));
        Set<NodeId> met = new LinkedHashSet<>();
        for (int step = 0; step < tokens.size() && met.size() < nodes.size(); step++) {
            met.add(tokens.get((start + step) % tokens.size()).node());
        }
        return List.copyOf(met);
    }

    /**
     * The fraction of the hash space for which each node is the first replica: 1/nodes for a
     * perfectly balanced ring. Shows what virtual nodes buy.
     */
    public Map<NodeId, Double> primaryShares() {
        Map<NodeId, Double> shares = new TreeMap<>();
        double space = Math.pow(2, 64);
        for (int i = 0; i < tokens.size(); i++) {
            long previous = positions[(i - 1 + positions.length) % positions.length];
            // The arc (previous, current] belongs to the current token; unsigned wrap-around
            // arithmetic measures it even across the seam of the ring.
            long arc = positions[i] - previous;
            double width = tokens.size() == 1 ? space : unsigned(arc);
            shares.merge(tokens.get(i).node(), width / space, Double::sum);
        }
        return shares;
    }

    private static double unsigned(long value) {
        return value >= 0 ? value : value + Math.pow(2, 64);
    }

    private int firstTokenAtOrAfter(long hash) {
        int index = Arrays.binarySearch(positions, hash);
        if (index < 0) {
            index = -index - 1;
        }
        return index == positions.length ? 0 : index;
    }
}
