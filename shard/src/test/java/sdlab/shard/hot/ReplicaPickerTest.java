package sdlab.shard.hot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

/** Each replica choice picks as it says, by the queue depths the router last heard. */
class ReplicaPickerTest {
    private static final List<NodeId> COPIES = new Replication(3, ReplicaChoice.RANDOM, false).of(NodeId.of("s0"));

    @Test
    void copiesAreNamedAfterTheirShard() {
        // Shows: the shard first, then its copies.
        assertThat(COPIES).containsExactly(NodeId.of("s0"), NodeId.of("s0r1"), NodeId.of("s0r2"));
    }

    @Test
    void leastLoadedPicksTheShortestQueueHeardAndTwoChoicesNeverTheLongest() {
        // Shows: with depths 5, 0, 9 heard, least-loaded always picks s0r1 and two choices never picks s0r2 (it
        // always has a shorter one beside it).
        ReplicaPicker least = new ReplicaPicker(ReplicaChoice.LEAST_LOADED, false);
        ReplicaPicker two = new ReplicaPicker(ReplicaChoice.TWO_CHOICES, false);
        for (ReplicaPicker picker : List.of(least, two)) {
            picker.heard(NodeId.of("s0"), 5);
            picker.heard(NodeId.of("s0r1"), 0);
            picker.heard(NodeId.of("s0r2"), 9);
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(least.pick(COPIES, random)).isEqualTo(NodeId.of("s0r1"));
            assertThat(two.pick(COPIES, random)).isNotEqualTo(NodeId.of("s0r2"));
        }
    }

    @Test
    void roundRobinCyclesAndThePlantedBugPicksTheLongestQueue() {
        // Shows: round-robin visits each copy in turn; least-loaded with the bug picks the longest queue.
        ReplicaPicker cycle = new ReplicaPicker(ReplicaChoice.ROUND_ROBIN, false);
        SplittableRandom random = new SplittableRandom(3);
        assertThat(List.of(cycle.pick(COPIES, random), cycle.pick(COPIES, random), cycle.pick(COPIES, random)))
                .containsExactlyElementsOf(COPIES);
        ReplicaPicker wrong = new ReplicaPicker(ReplicaChoice.LEAST_LOADED, true);
        wrong.heard(NodeId.of("s0r2"), 9);
        assertThat(wrong.pick(COPIES, random)).isEqualTo(NodeId.of("s0r2"));
    }
}
