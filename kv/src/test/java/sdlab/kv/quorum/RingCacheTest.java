package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class RingCacheTest {

    @Test
    void clustersOfTheSameNodesShareOneRingThatPlacesKeysAsAFreshOne() {
        // Sharing is invisible: the shared ring walks every key as a ring built afresh does.
        List<NodeId> nodes = QuorumCluster.nodeIds(7);
        HashRing shared = RingCache.ring(nodes, 64);
        HashRing fresh = new HashRing(nodes, 64);

        assertThat(RingCache.ring(QuorumCluster.nodeIds(7), 64)).isSameAs(shared);
        for (int key = 0; key < 200; key++) {
            assertThat(shared.walk("k" + key)).isEqualTo(fresh.walk("k" + key));
        }
    }

    @Test
    void otherNodesOrVirtualNodesGetTheirOwnRing() {
        // The key is both inputs: five nodes, or 32 positions each, make other rings.
        HashRing seven = RingCache.ring(QuorumCluster.nodeIds(7), 64);

        assertThat(RingCache.ring(QuorumCluster.nodeIds(5), 64)).isNotSameAs(seven);
        assertThat(RingCache.ring(QuorumCluster.nodeIds(7), 32).virtualNodesPerNode())
                .isEqualTo(32);
    }

    @Test
    void anInvalidRingIsRefusedAsTheConstructorRefusesItAndNotKept() {
        // Duplicate nodes are an error every time they are asked for, never a cached ring.
        List<NodeId> twice = List.of(NodeId.of("n1"), NodeId.of("n1"));

        assertThatThrownBy(() -> RingCache.ring(twice, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RingCache.ring(twice, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ringsBeyondTheBoundAreBuiltButNotKept() {
        // Many distinct clusters still get correct rings; the cache stops at its bound.
        for (int virtualNodes = 1; virtualNodes <= RingCache.RINGS_CACHED_MAX + 5; virtualNodes++) {
            HashRing ring = RingCache.ring(QuorumCluster.nodeIds(3), virtualNodes);
            assertThat(ring.walk("k")).isEqualTo(new HashRing(QuorumCluster.nodeIds(3), virtualNodes).walk("k"));
        }
        assertThat(RingCache.ringsCached()).isLessThanOrEqualTo(RingCache.RINGS_CACHED_MAX);
    }
}
