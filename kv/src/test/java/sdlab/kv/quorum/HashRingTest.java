package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;

class HashRingTest {

    /** Seeded random cluster shapes: node count, virtual nodes per node, replicas per key. */
    static Stream<Arguments> shapes() {
        SplittableRandom random = new SplittableRandom(2007);
        return Stream.generate(() -> {
                    int nodes = 1 + random.nextInt(12);
                    return Arguments.of(nodes, 1 + random.nextInt(200), 1 + random.nextInt(nodes));
                })
                .limit(12);
    }

    private static List<String> keys(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Stream.generate(() -> "user:" + random.nextLong()).limit(count).toList();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void aPreferenceListHoldsNDistinctNodesAndStartsTheWalk(int nodeCount, int virtualNodes, int n) {
        // Every key gets n different physical nodes, the first n that a walk from it meets.
        HashRing ring = new HashRing(QuorumCluster.nodeIds(nodeCount), virtualNodes);
        for (String key : keys(500, nodeCount)) {
            List<NodeId> preference = ring.preferenceList(key, n);
            assertThat(preference).hasSize(n).doesNotHaveDuplicates();
            assertThat(ring.walk(key)).hasSize(nodeCount).startsWith(preference.toArray(NodeId[]::new));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void placementIsAPureFunctionOfTheNodesAndTheKey(int nodeCount, int virtualNodes, int n) {
        // Two rings built separately, the second from the nodes in another order, agree.
        List<NodeId> nodes = QuorumCluster.nodeIds(nodeCount);
        HashRing ring = new HashRing(nodes, virtualNodes);
        HashRing again = new HashRing(nodes.reversed(), virtualNodes);
        for (String key : keys(200, virtualNodes)) {
            assertThat(again.preferenceList(key, n)).isEqualTo(ring.preferenceList(key, n));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void addingANodeMovesKeysOnlyToTheNewNode(int nodeCount, int virtualNodes, int n) {
        // Only the ranges the new node's tokens take move: every preference list is the old one
        // with the new node slotted in (and the last node dropped), or unchanged.
        List<NodeId> nodes = QuorumCluster.nodeIds(nodeCount + 1);
        HashRing before = new HashRing(nodes.subList(0, nodeCount), virtualNodes);
        HashRing after = new HashRing(nodes, virtualNodes);
        NodeId added = nodes.getLast();
        for (String key : keys(500, n)) {
            List<NodeId> old = before.preferenceList(key, n);
            List<NodeId> now = after.preferenceList(key, n);
            List<NodeId> withoutAdded =
                    now.stream().filter(node -> !node.equals(added)).toList();
            assertThat(old.subList(0, withoutAdded.size())).isEqualTo(withoutAdded);
            if (!now.contains(added)) {
                assertThat(now).isEqualTo(old);
            }
        }
    }

    @Test
    void virtualNodesSpreadKeysEvenly() {
        // With 128 positions per node, each of 8 nodes is first replica for close to 1/8 of
        // 40,000 keys; with one position per node the spread is far wider.
        List<NodeId> nodes = QuorumCluster.nodeIds(8);
        Map<NodeId, Integer> many = primaryCounts(new HashRing(nodes, 128), keys(40_000, 1));
        Map<NodeId, Integer> one = primaryCounts(new HashRing(nodes, 1), keys(40_000, 1));

        assertThat(many).hasSize(8);
        assertThat(many.values()).allSatisfy(count -> assertThat(count).isBetween(3_750, 6_250));
        assertThat(spread(one)).isGreaterThan(3 * spread(many));
    }

    @Test
    void primarySharesCoverTheWholeRingAndMatchWhereKeysLand() {
        // The measured shares of the hash space add up to one and predict the key counts.
        HashRing ring = new HashRing(QuorumCluster.nodeIds(5), 16);
        Map<NodeId, Double> shares = ring.primaryShares();
        Map<NodeId, Integer> counts = primaryCounts(ring, keys(50_000, 2));

        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        shares.forEach((node, share) ->
                assertThat(counts.get(node) / 50_000.0).isCloseTo(share, org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void badRingsAreRefusedWithAMessage() {
        // Mistakes in building a ring say what was wrong.
        assertThatThrownBy(() -> new HashRing(List.of(), 8)).hasMessageContaining("at least one node");
        assertThatThrownBy(() -> new HashRing(QuorumCluster.nodeIds(2), 0)).hasMessageContaining("virtualNodesPerNode");
        assertThatThrownBy(() -> new HashRing(List.of(NodeId.of("a"), NodeId.of("a")), 8))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new HashRing(QuorumCluster.nodeIds(2), 8).preferenceList("k", 3))
                .hasMessageContaining("between 1 and 2");
    }

    private static Map<NodeId, Integer> primaryCounts(HashRing ring, List<String> keys) {
        Map<NodeId, Integer> counts = new HashMap<>();
        keys.forEach(key -> counts.merge(ring.preferenceList(key, 1).getFirst(), 1, Integer::sum));
        return counts;
    }

    private static int spread(Map<NodeId, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = counts.size() < 8
                ? 0
                : counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return max - min;
    }
}
