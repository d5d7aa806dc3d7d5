package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuorumConfigTest {

    @Test
    void quorumSizesOutsideOneToNAreRefusedWithTheRange() {
        // A reader of the message learns which knob is wrong and what it may be.
        assertThatThrownBy(() -> QuorumConfig.of(3, 0, 2)).hasMessageContaining("r must be between 1 and n=3, got 0");
        assertThatThrownBy(() -> QuorumConfig.of(3, 2, 4)).hasMessageContaining("w must be between 1 and n=3, got 4");
        assertThatThrownBy(() -> QuorumConfig.of(0, 1, 1)).hasMessageContaining("n (replicas per key)");
        assertThatThrownBy(() -> QuorumConfig.of(3, 2, 2).withRequestTimeoutMs(0))
                .hasMessageContaining("requestTimeoutMs");
        assertThatThrownBy(() -> QuorumConfig.of(3, 2, 2).withVirtualNodesPerNode(0))
                .hasMessageContaining("virtualNodesPerNode");
    }

    @Test
    void aClusterNeedsAtLeastNNodes() {
        // n = 5 replicas cannot live on three nodes.
        assertThatThrownBy(() -> QuorumCluster.nodeFactory(QuorumConfig.of(5, 3, 3), QuorumCluster.nodeIds(3)))
                .hasMessageContaining("n=5 replicas per key need at least 5 nodes, got 3");
    }

    @Test
    void overlapIsRPlusWAboveN() {
        // The one-line summary of the chapter's question.
        assertThat(QuorumConfig.of(3, 2, 2).quorumsOverlap()).isTrue();
        assertThat(QuorumConfig.of(3, 1, 2).quorumsOverlap()).isFalse();
        assertThat(QuorumConfig.of(5, 3, 3).quorumsOverlap()).isTrue();
    }

    @Test
    void withersChangeOneKnob() {
        // Each with... method leaves the other knobs alone.
        QuorumConfig base = QuorumConfig.of(3, 2, 2);
        QuorumConfig changed = base.withSloppy(true).withBug(QuorumConfig.Bug.READ_FROM_ONE);

        assertThat(changed.sloppy()).isTrue();
        assertThat(changed.bug()).isEqualTo(QuorumConfig.Bug.READ_FROM_ONE);
        assertThat(changed.withSloppy(false).withBug(QuorumConfig.Bug.NONE)).isEqualTo(base);
        assertThat(changed.readQuorum()).isEqualTo(1);
        assertThat(base.readQuorum()).isEqualTo(2);
    }
}
